package dev.stacks.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "First results painted" on an already running server, e.g. one serving the 19k-document
 * Reuters archive. Skipped unless {@code -Dstacks.url} names the server:
 *
 * <pre>
 * mvn -B test -Dtest=PagePaintTimeTest -Dstacks.url=http://127.0.0.1:7070 \
 *     [-Dstacks.paint.queries='oil|"interest rates"|gold'] [-Dstacks.paint.rounds=3] [-Dstacks.paint.width=1440]
 * </pre>
 *
 * Each round runs every query once (the first round includes cold caches); the report is printed
 * and appended to {@code target/paint-times.txt}. Timing is reported, never asserted.
 */
@ExtendWith(ScreenshotOnFailure.class)
class PagePaintTimeTest implements ScreenshotOnFailure.Browsing {
    static final List<String> DEFAULT_QUERIES = List.of(
            "oil", "coffee", "gold", "\"interest rates\"", "trade deficit", "opec", "yen dollar", "bank", "wheat", "shares");

    private Chromium chromium;

    @Override
    public WebDriver browser() {
        return chromium == null ? null : chromium.driver();
    }

    @Test
    void firstResultsPaintedOnARunningServer() throws IOException {
        String url = System.getProperty("stacks.url", "");
        assumeTrue(!url.isBlank(), "set -Dstacks.url=http://HOST:PORT to measure a running server");
        String missing = Chromium.unavailableReason();
        assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
        String q = System.getProperty("stacks.paint.queries", "");
        List<String> queries = q.isBlank() ? DEFAULT_QUERIES : Arrays.asList(q.split("\\|"));
        int rounds = Integer.getInteger("stacks.paint.rounds", 3);
        int width = Integer.getInteger("stacks.paint.width", 1440);

        chromium = Chromium.start(width, 1000);
        try {
            PageDriver page = new PageDriver(chromium.driver(), url).open("");
            if (width < 600) { // a window cannot be as narrow as a phone: emulate the viewport
                page.viewport(width, 780);
                page.open("");
            }
            long documents = page.total();
            PaintTimer timer = new PaintTimer(page);
            List<PaintTimer.Measurement> all = new ArrayList<>();
            StringBuilder report = new StringBuilder();
            for (int round = 1; round <= rounds; round++) {
                List<PaintTimer.Measurement> ms = timer.measureAll(queries);
                all.addAll(ms);
                report.append(PaintTimer.report("[paint] round " + round + (round == 1 ? " (cold)" : ""), ms));
            }
            report.append(PaintTimer.report("[paint] " + url + " (" + documents + " documents), " + width + " px, all rounds:", all, false));
            page.snapshot("paint-" + width);
            System.out.println(report);
            Path out = Path.of("target", "paint-times.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "# " + Instant.now() + "\n" + report + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(all).as("every search rendered").allSatisfy(m -> assertThat(m.enterToPainted()).isPositive());
        } finally {
            chromium.close();
        }
    }
}
