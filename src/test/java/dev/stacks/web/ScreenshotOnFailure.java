package dev.stacks.web;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a browser test fails, saves what the browser showed ({@code .png}) and the live DOM
 * ({@code .html}) under {@code target/screenshots/}, named after the test. The test class
 * exposes its browser through {@link Browsing}.
 */
final class ScreenshotOnFailure implements TestWatcher {
    static final Path FOLDER = Path.of("target", "screenshots");

    /** A test class that drives a browser. */
    interface Browsing {
        /** The browser, or null when none was started (e.g. the test was skipped). */
        WebDriver browser();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object instance = context.getTestInstance().orElse(null);
        if (!(instance instanceof Browsing browsing) || browsing.browser() == null) {
            return;
        }
        WebDriver driver = browsing.browser();
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName())
                .replaceAll("[^A-Za-z0-9._-]+", "_");
        try {
            Files.createDirectories(FOLDER);
            Path png = FOLDER.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Object dom = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.outerHTML");
            Files.writeString(FOLDER.resolve(name + ".html"), String.valueOf(dom), StandardCharsets.UTF_8);
            System.err.println("[browser test] " + context.getDisplayName() + " failed at " + driver.getCurrentUrl()
                    + "; screenshot saved to " + png.toAbsolutePath());
        } catch (Exception e) {
            System.err.println("[browser test] could not save a screenshot for " + name + ": " + e);
        }
    }
}
