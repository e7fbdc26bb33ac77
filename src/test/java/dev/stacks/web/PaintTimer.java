package dev.stacks.web;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures "first results painted": from the Enter key in the search box to the first frame
 * that shows a new {@code li.hit}. All timestamps are taken inside the page on one clock
 * ({@code performance.now()}, of which {@code KeyboardEvent.timeStamp} is one): a capturing
 * keydown listener notes the Enter, a MutationObserver on {@code #results} notes when the first
 * new hit is inserted, and the paint is taken as the first task after the next animation frame
 * (the frame that rendered the insertion). The page's own request for {@code /api/v1/search} is
 * read from the Resource Timing entries, to tell server-and-network time from the page's own.
 *
 * <p>Used by {@link PageEndToEndTest} on the sample archive and by {@link PagePaintTimeTest} on
 * any running server ({@code -Dstacks.url=http://127.0.0.1:7070}), e.g. the Reuters archive.
 */
final class PaintTimer {

    /** One measurement, in milliseconds. {@code hits} is the number of hits rendered (0: "no results"). */
    record Measurement(String query, double enterToInserted, double enterToPainted, double searchRequest, int hits, String total) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "painted %7.1f ms  (DOM %6.1f ms, /search request %6.1f ms)  %-26s %s",
                    enterToPainted, enterToInserted, searchRequest, "q=" + query, total);
        }
    }

    private static final String INSTALL = """
            window.__paint = null;
            if (!window.__paintHook) {
              window.__paintHook = true;
              document.addEventListener('keydown', (e) => {
                if (e.key === 'Enter' && e.target && e.target.id === 'q') window.__paint = { t0: e.timeStamp };
              }, true);
              new MutationObserver((records) => {
                const p = window.__paint;
                if (!p || p.inserted != null) return;
                for (const r of records) for (const n of r.addedNodes) {
                  if (n.nodeType !== 1 || !(n.matches('li.hit') || n.matches('li.no-results'))) continue;
                  p.inserted = performance.now();
                  p.hits = document.querySelectorAll('#results li.hit').length;
                  requestAnimationFrame(() => setTimeout(() => { p.painted = performance.now(); }, 0));
                  return;
                }
              }).observe(document.getElementById('results'), { childList: true });
            }
            performance.clearResourceTimings();
            """;

    private final PageDriver page;

    PaintTimer(PageDriver page) {
        this.page = page;
    }

    /** Types the query, presses Enter, and waits for the first frame with the new results. */
    Measurement measure(String query) {
        page.settle();
        WebElement box = page.el("#q");
        box.click();
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(query);
        page.js(INSTALL);
        box.sendKeys(Keys.ENTER);
        page.waitUntil("the results of " + query + " to be painted",
                () -> Boolean.TRUE.equals(page.js("return Boolean(window.__paint && window.__paint.painted != null)")));
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) page.js("""
                const p = window.__paint;
                const searches = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/search?'));
                const last = searches.at(-1);
                return { t0: p.t0, inserted: p.inserted, painted: p.painted, hits: p.hits,
                         request: last ? last.responseEnd - last.startTime : -1,
                         total: document.querySelector('#total').textContent };""");
        double t0 = number(p.get("t0"));
        Measurement m = new Measurement(query, number(p.get("inserted")) - t0, number(p.get("painted")) - t0,
                number(p.get("request")), (int) number(p.get("hits")), String.valueOf(p.get("total")));
        page.settle();
        return m;
    }

    /** Measures each query in turn. */
    List<Measurement> measureAll(List<String> queries) {
        List<Measurement> out = new ArrayList<>();
        for (String q : queries) {
            out.add(measure(q));
        }
        return out;
    }

    /** A short report: each measurement, then the median and the worst. */
    static String report(String title, List<Measurement> ms) {
        return report(title, ms, true);
    }

    /** The same, with or without the line of each measurement. */
    static String report(String title, List<Measurement> ms, boolean each) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        if (each) {
            ms.forEach(m -> sb.append("  ").append(m).append('\n'));
        }
        double[] painted = ms.stream().mapToDouble(Measurement::enterToPainted).sorted().toArray();
        if (painted.length > 0) {
            double median = painted.length % 2 == 1 ? painted[painted.length / 2]
                    : (painted[painted.length / 2 - 1] + painted[painted.length / 2]) / 2;
            sb.append(String.format(Locale.ROOT, "  first results painted: median %.1f ms, worst %.1f ms over %d searches%n",
                    median, painted[painted.length - 1], painted.length));
        }
        return sb.toString();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
