package dev.stacks.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The search page as the tests see it: navigation, waits for the page's asynchronous updates,
 * and small readers for the parts the tests check. Waits poll; nothing sleeps for a fixed time.
 */
final class PageDriver {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    PageDriver(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base : base + "/";
    }

    WebDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    /** Loads the page at a query string ("" or "?q=…") and waits until its first search has rendered. */
    PageDriver open(String query) {
        driver.get(base + query);
        waitForFirstRender();
        return this;
    }

    /**
     * Waits until the page has loaded and, on the search tab, until the initial search replaced the
     * skeleton rows (with results, "no results" or an error). Other tabs search only when shown.
     */
    void waitForFirstRender() {
        waitUntil("the page to render its first results", () -> Boolean.TRUE.equals(js(
                "if (document.readyState !== 'complete' || !document.querySelector('[role=tab][aria-selected=true]')) return false;"
                        + "if (document.querySelector('#panel-search').hidden) return true;"
                        + "return !document.querySelector('#results .hit-skeleton')"
                        + " && !document.querySelector('#results-area').classList.contains('is-loading')"
                        + " && document.querySelector('#total').textContent !== 'Searching…'")));
        settle();
    }

    /**
     * Waits until the page has no API request in flight and no view is marked loading. Counts the
     * page's fetches by wrapping window.fetch (installed once per page load; requests made before
     * it was installed are covered by the loading flags).
     */
    void settle() {
        js("""
                if (!window.__stacksFetchHook) {
                  window.__stacksFetchHook = true;
                  window.__inflight = 0;
                  const original = window.fetch.bind(window);
                  window.fetch = (...args) => {
                    window.__inflight += 1;
                    return original(...args).finally(() => { window.__inflight -= 1; });
                  };
                }""");
        waitUntil("the page to finish its requests", () -> Boolean.TRUE.equals(js("""
                return window.__inflight === 0
                  && !document.querySelector('#results-area').classList.contains('is-loading')
                  && !document.querySelector('.is-loading')
                  && !document.querySelector('.tree-loading')
                  && !document.querySelector('#doc[aria-busy="true"]');""")));
    }

    /** Types a query into the search box and presses Enter. */
    void search(String q) {
        WebElement box = el("#q");
        box.click();
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(q, Keys.ENTER);
        waitUntil("the search for " + q + " to be in the URL", () -> url().contains("q=") || q.isBlank());
        settle();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement el(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean exists(String css) {
        return !all(css).isEmpty();
    }

    /** The visible text of an element, as JavaScript sees it (textContent, trimmed). */
    String text(String css) {
        return String.valueOf(js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());", css);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The current URL's query parameters as the page's URLSearchParams reads them (repeatable keys joined by '|'). */
    @SuppressWarnings("unchecked")
    Map<String, String> params() {
        return (Map<String, String>) js("""
                const out = {};
                for (const [k, v] of new URLSearchParams(location.search)) out[k] = k in out ? out[k] + '|' + v : v;
                return out;""");
    }

    /** The total number of hits as the #total line says ("1–10 of 18 results · 0.01 s" → 18). */
    long total() {
        String t = text("#total");
        if (t.startsWith("No results")) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,. \u00a0\u202f]+) results?").matcher(t);
        if (!m.find()) {
            throw new AssertionError("no total in #total: " + t);
        }
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }

    List<String> hitTitles() {
        return texts("#results .hit .hit-title");
    }

    /** A facet row (label.facet-value) by its visible name; null if none. */
    WebElement facetValue(String facetId, String name) {
        for (WebElement label : all("#" + facetId + " label.facet-value")) {
            if (name.equals(label.findElement(By.cssSelector(".facet-name")).getText().trim())) {
                return label;
            }
        }
        return null;
    }

    /** name → count of every row in a facet list (rows without a count map to -1). */
    @SuppressWarnings("unchecked")
    Map<String, Long> facetCounts(String facetId) {
        Map<String, Object> raw = (Map<String, Object>) js("""
                const out = {};
                for (const l of document.querySelectorAll('#' + arguments[0] + ' label.facet-value')) {
                  const n = l.querySelector('.facet-name').textContent.trim();
                  const c = l.querySelector('.count').textContent.replace(/[^0-9]/g, '');
                  out[n] = c ? Number(c) : -1;
                }
                return out;""", facetId);
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    /**
     * The browser console's errors since the last call (script errors, CSP refusals, failed
     * requests), each as "LEVEL message".
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    void waitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50))
                .withMessage(() -> "waiting for " + what + " (URL " + driver.getCurrentUrl() + ", #total '" + safeTotal() + "')")
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    private String safeTotal() {
        try {
            return text("#total");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /**
     * Sets the layout viewport to exactly width × height CSS pixels (a real window cannot be made
     * as narrow as a phone's 360 px), or clears the override when width is 0.
     */
    void viewport(int width, int height) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            return;
        }
        driver.manage().window().setSize(new Dimension(Math.max(width, 500), height + 100));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        waitUntil("the viewport to be " + width + " px wide", () -> ((Number) js("return window.innerWidth")).intValue() == width);
    }

    /** Whether the element is inside the viewport and inside every scrolling box around it. */
    boolean scrolledIntoView(WebElement el) {
        return Boolean.TRUE.equals(js("""
                const el = arguments[0];
                const r = el.getBoundingClientRect();
                if (r.bottom <= 0 || r.top >= innerHeight) return false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const s = getComputedStyle(p);
                  if (!/(auto|scroll)/.test(s.overflowY) || p.scrollHeight <= p.clientHeight) continue;
                  const b = p.getBoundingClientRect();
                  if (r.top < b.top - 1 || r.bottom > b.bottom + 1) return false;
                }
                return true;""", el));
    }

    /** Saves a picture of the page for people to look at (not a failure screenshot). */
    Path snapshot(String name) {
        try {
            Path dir = Path.of("target", "page-snapshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
