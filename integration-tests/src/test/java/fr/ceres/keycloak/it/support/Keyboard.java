package fr.ceres.keycloak.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person with a keyboard only: Tab, Enter and Space, and typing, always sent to the element that
 * has the focus ({@code driver.switchTo().activeElement()}), never to an element found on the page. At each
 * move it checks that the focus can be seen; what it cannot see is written down ({@link #assertClean()}), not
 * thrown, so one run lists every element.
 */
public final class Keyboard {

    /** More than any page here has elements before its submit button. */
    private static final int MAX_TABS = 80;

    /** The focused element, named, if the focus cannot be seen on it (no outline, no box-shadow); "" otherwise. */
    private static final String UNSEEN_FOCUS = """
            const e = document.activeElement;
            if (!e || e === document.body) { return ''; }
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            return outline || shadow ? '' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '');
            """;

    private final WebDriver driver;
    private final List<String> findings = new ArrayList<>();

    public Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    /** Presses Tab until the element of that id has the focus; fails if it never does. */
    public Keyboard tabTo(String id) {
        for (int tabs = 0; !id.equals(focused().getDomAttribute("id")); tabs++) {
            if (tabs == MAX_TABS) {
                throw new AssertionError(MAX_TABS + " presses of Tab never reached #" + id + " on " + driver.getCurrentUrl());
            }
            press(Keys.TAB);
        }
        return this;
    }

    /** Presses Tab until a radio button of that name has the focus (the group's checked one, or its first). */
    public Keyboard tabToRadio(String name) {
        for (int tabs = 0; !name.equals(focused().getDomAttribute("name")); tabs++) {
            if (tabs == MAX_TABS) {
                throw new AssertionError(MAX_TABS + " presses of Tab never reached the radio buttons " + name);
            }
            press(Keys.TAB);
        }
        return this;
    }

    /** Types into the focused element. */
    public Keyboard type(String text) {
        focused().sendKeys(text);
        return this;
    }

    /** Replaces the focused field's text: select all, delete, type. */
    public Keyboard replace(String text) {
        focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        return type(text);
    }

    /** Presses a key on the focused element, then checks the focus can be seen where it is now. */
    public Keyboard press(CharSequence key) {
        focused().sendKeys(key);
        String unseen = (String) ((JavascriptExecutor) driver).executeScript(UNSEEN_FOCUS);
        if (!unseen.isEmpty()) {
            String finding = "focus not visible (no outline, no box-shadow) on " + unseen + " at " + path();
            if (!findings.contains(finding)) {
                findings.add(finding);
            }
        }
        return this;
    }

    /** Presses Enter (or Space) on the focused button or link, and waits for the page it leads to. */
    public Keyboard pressAndAwaitNextPage(CharSequence key) {
        WebElement page = driver.findElement(By.tagName("html"));
        focused().sendKeys(key);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Records a failure found by the test itself among those of the focus. */
    public void fail(String what) {
        findings.add(what);
    }

    public void assertClean() {
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " keyboard failures:\n" + String.join("\n", findings));
        }
    }

    private String path() {
        String url = driver.getCurrentUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
