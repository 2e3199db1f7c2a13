package fr.ceres.keycloak.it.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on any page: wait for an element, click through to the next page, read it, sign in. */
public final class PageActions {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PageActions() {
    }

    public static WebElement waitFor(WebDriver driver, By element) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** Clicks and waits for the next page, so what follows reads that page, not this one. */
    public static void click(WebDriver driver, WebElement element) {
        element.click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.stalenessOf(element));
    }

    /** The page's visible text. */
    public static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * On the realm's sign-in page: the email (typed, unless a {@code login_hint} filled it already) and the password,
     * on one page.
     */
    public static void signIn(WebDriver driver, String email) {
        WebElement username = waitFor(driver, By.id("username"));
        if (!email.equals(username.getDomProperty("value"))) {
            username.clear();
            username.sendKeys(email);
        }
        driver.findElement(By.id("password")).sendKeys(Applicant.PASSWORD);
        click(driver, driver.findElement(By.id("kc-login")));
    }
}
