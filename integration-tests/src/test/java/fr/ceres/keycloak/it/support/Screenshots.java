package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what the browser shows under {@code target/screenshots/}, one PNG per page of a flow. */
public final class Screenshots {

    private final Path directory;

    public Screenshots(String flow) {
        this.directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), flow);
    }

    public void take(WebDriver driver, String page) {
        try {
            Files.createDirectories(directory);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, directory.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
