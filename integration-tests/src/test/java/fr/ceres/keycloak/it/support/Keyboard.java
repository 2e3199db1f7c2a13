package fr.ceres.keycloak.it.support;

import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person using the keyboard only: Tab and Shift-Tab to move, Enter and Space to act, and typing into the field
 * that has the focus. Every move checks that the element reached shows its focus (WCAG 2.4.7): the focus ring both
 * themes draw as an outline around the focused element (a box shadow would not tell: DSFR fields always have one).
 */
public final class Keyboard {

    /** More Tab presses than any page of the bundle has focusable elements before its last field. */
    private static final int MAX_PRESSES = 80;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;

    public Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Tab, as many times as needed, until the element of that id has the focus. */
    public WebElement tabTo(String id) {
        return moveTo(id, Keys.TAB);
    }

    /** Shift-Tab, as many times as needed, until the element of that id has the focus. */
    public WebElement shiftTabTo(String id) {
        return moveTo(id, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    public void tab() {
        press(Keys.TAB);
        assertFocusVisible(focused());
    }

    public void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Empties the focused field the way a person does: select all, then delete. */
    public void clearField() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
    }

    public void space() {
        press(Keys.SPACE);
    }

    /** Enter on the focused element, then waits for the next page when it leaves this one. */
    public void enterToNextPage() {
        WebElement before = focused();
        press(Keys.ENTER);
        new WebDriverWait(driver, PATIENCE).until(d -> isStale(before));
    }

    public void enter() {
        press(Keys.ENTER);
    }

    private void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** No key at all when the element has the focus already (a page's autofocus field). */
    private WebElement moveTo(String id, CharSequence keys) {
        if (id.equals(focused().getAttribute("id"))) {
            return focused();
        }
        for (int i = 0; i < MAX_PRESSES; i++) {
            press(keys);
            WebElement element = focused();
            assertFocusVisible(element);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("#" + id + " not reached by the keyboard on " + driver.getCurrentUrl());
    }

    public void assertFocusVisible(WebElement element) {
        // The element's own ring, or, for a DSFR « enlarged » link (the header's and footer's brand), the ring of
        // the pseudo-element that stretches the link over its whole block.
        Boolean ring = (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const hasRing = (e, pseudo) => {
                    const s = getComputedStyle(e, pseudo);
                    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                };
                const e = arguments[0];
                return e !== document.body && (hasRing(e, null) || hasRing(e, '::before'));
                """, element);
        if (!Boolean.TRUE.equals(ring)) {
            throw new AssertionError("focus not visible on " + describe(element) + " at " + driver.getCurrentUrl());
        }
    }

    public String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " « " + element.getText() + " »";
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }
}
