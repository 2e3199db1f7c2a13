package fr.ceres.keycloak.it.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The « Rattacher le service Ceres » page ({@code ceres-attach.ftl}). */
public final class AttachPage {

    private final WebDriver driver;

    public AttachPage(WebDriver driver) {
        this.driver = driver;
    }

    public boolean isShown() {
        return !driver.findElements(By.id("ceres-attach-form")).isEmpty();
    }

    public void attach(String siret, String code) {
        type(driver.findElement(By.id("siret")), siret);
        type(driver.findElement(By.id("code")), code);
        click(driver.findElement(By.id("ceres-attach-submit")));
    }

    public void later() {
        click(driver.findElement(By.id("ceres-attach-later")));
    }

    /** Clicks and waits for the next page, so what follows reads that page, not this one. */
    private void click(WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    /** What the page says, messages included. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
