package dev.stacks.web;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver. Nothing is ever downloaded:
 * both binaries are given explicitly (so Selenium Manager has nothing to look up) and the browser
 * runs with its background networking, component updates and sync switched off.
 *
 * <p>The paths can be changed with {@code -Dstacks.chromium=…} (the pom sets it) and
 * {@code -Dstacks.chromedriver=…}; tests skip when either binary is missing.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of(System.getProperty("stacks.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("stacks.chromedriver", "/usr/bin/chromedriver"));

    /**
     * Selenium warns that it has no DevTools bindings for this Chromium version; the tests only
     * send raw DevTools commands, which need none. Held here so the settings are not collected.
     */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.stream.Stream.of(
                    "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger).toList();

    static {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.SEVERE));
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, or null when they can. */
    static String unavailableReason() {
        if (!Files.isExecutable(BROWSER)) {
            return BROWSER + " is missing (apt-get install chromium)";
        }
        if (!Files.isExecutable(DRIVER)) {
            return DRIVER + " is missing (apt-get install chromium-driver)";
        }
        return null;
    }

    static Chromium start(int width, int height) throws IOException {
        // Belt and braces: Selenium Manager must never go looking for a browser or a driver.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("stacks-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--hide-scrollbars", "--lang=en-GB", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        // the console is read by the tests: an error there (a failed script, a CSP refusal) fails them
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(Files.newOutputStream(profile.resolve("chromedriver.log")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        return new Chromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | RuntimeException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
