package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Lets headless Chromium save the files a page downloads into a folder of the build (Chrome DevTools
 * {@code Browser.setDownloadBehavior}), and waits for them there.
 */
public final class BrowserDownloads {

    private final Path directory;

    private BrowserDownloads(Path directory) {
        this.directory = directory;
    }

    /** An empty folder under {@code target/downloads/<name>}, where the browser now saves its downloads. */
    public static BrowserDownloads into(WebDriver driver, String name) {
        Path directory = Path.of("target", "downloads", name).toAbsolutePath();
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((HasCdp) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toString()));
        return new BrowserDownloads(directory);
    }

    /** The downloaded file's bytes, once the browser has finished writing it. */
    public byte[] await(String fileName) {
        Path file = directory.resolve(fileName);
        Path partial = directory.resolve(fileName + ".crdownload");
        new FluentWait<>(file).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> fileName + " never downloaded into " + directory)
                .until(path -> Files.isRegularFile(path) && !Files.exists(partial));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
