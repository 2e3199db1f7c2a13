package fr.ceres.keycloak.it.support;

import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Makes the test browser ask for French pages, like the people the realm serves: Keycloak picks
 * the page language from Accept-Language when nothing else (a signed-in user, a choice made on
 * the page) tells it, as on the page an emailed link opens.
 */
public final class FrenchBrowser {

    private FrenchBrowser() {
    }

    public static WebDriver of(WebDriver driver) {
        HasCdp cdp = (HasCdp) driver;
        String userAgent = (String) cdp.executeCdpCommand("Browser.getVersion", Map.of()).get("userAgent");
        cdp.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", "fr-FR,fr"));
        return driver;
    }

    /** The test browser in French, on the realm's site with none of its cookies: nobody signed in. */
    public static WebDriver fresh(WebDriver driver, String realmUrl) {
        WebDriver french = of(driver);
        french.get(realmUrl + "/.well-known/openid-configuration");
        french.manage().deleteAllCookies();
        return french;
    }
}
