package dev.stacks.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The search page end to end: headless Chromium against the real server over a real index of
 * the sample articles (plus the hostile files of ../shared when present). One server and one
 * browser serve the whole class; each test starts from a fresh page load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class PageEndToEndTest implements ScreenshotOnFailure.Browsing {
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 1000;

    private TestArchiveServer server;
    private Chromium chromium;
    private PageDriver page;
    /** Console errors a test provokes on purpose (e.g. the 403 of a wrong key), as fragments of the message. */
    private final List<String> expectedConsoleErrors = new java.util.ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        if (Chromium.unavailableReason() != null) {
            return; // each test reports itself skipped, with the reason
        }
        server = TestArchiveServer.start(dir);
        chromium = Chromium.start(WIDTH, HEIGHT);
        page = new PageDriver(chromium.driver(), server.url());
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void normalWindow() {
        String missing = Chromium.unavailableReason();
        assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
        page.viewport(0, 0);
        chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(WIDTH, HEIGHT));
        page.consoleErrors(); // start with an empty console
        expectedConsoleErrors.clear();
    }

    /** No script error, CSP refusal or unexpected failed request showed in the console. */
    @AfterEach
    void consoleIsClean() {
        if (chromium == null) {
            return;
        }
        assertThat(page.consoleErrors())
                .as("browser console errors")
                .allSatisfy(e -> assertThat(expectedConsoleErrors).anySatisfy(x -> assertThat(e).contains(x)));
    }

    private void expectConsoleError(String fragment) {
        expectedConsoleErrors.add(fragment);
    }

    @Override
    public WebDriver browser() {
        return chromium == null ? null : chromium.driver();
    }

    // ---- search ------------------------------------------------------------------------

    @Test
    void enterSearchesAndShowsMarkedSnippetsWithTheTotal() {
        page.open("");
        assertThat(page.total()).as("an empty query lists every document").isGreaterThanOrEqualTo(16);

        page.search("coffee");

        assertThat(page.params()).containsEntry("q", "coffee");
        assertThat(page.hitTitles()).isNotEmpty().anySatisfy(t -> assertThat(t).containsIgnoringCase("coffee"));
        assertThat(page.total()).isEqualTo(page.hitTitles().size());
        assertThat(page.texts("#results .hit .snippet mark")).isNotEmpty()
                .allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("coffee"));
        assertThat(page.text("#total")).matches("\\d+ results? · \\d+\\.\\d\\d s");
        assertThat(chromium.driver().getTitle()).isEqualTo("coffee — Stacks");
        assertThat(page.exists("#error > *")).as("no error banner").isFalse();
    }

    @Test
    void aQuerySyntaxErrorIsExplainedAndMarksTheBox() {
        expectConsoleError("status of 400");
        page.open("?q=title%3A%28unclosed");
        assertThat(page.text("#error")).isNotBlank();
        assertThat(page.text("#total")).isEqualTo("Search failed");
        assertThat(page.el("#q").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.exists(".facet-skeleton")).as("no placeholders wait for facets that will not come").isFalse();
        page.search("coffee");
        page.search("title:(unclosed");
        assertThat(page.text("#error")).isNotBlank();
        assertThat(page.el("#q").getAttribute("aria-invalid")).isEqualTo("true");
        page.search("coffee");
        assertThat(page.exists("#error > *")).isFalse();
        assertThat(page.el("#q").getAttribute("aria-invalid")).isNull();
    }

    @Test
    void slashFocusesTheSearchBoxButTypesNormallyInsideAField() {
        page.open("");
        page.el("#total").click();
        assertThat(page.js("return document.activeElement.id")).isNotEqualTo("q");

        new Actions(chromium.driver()).sendKeys("/").perform();
        assertThat(page.js("return document.activeElement.id")).isEqualTo("q");
        assertThat(page.el("#q").getAttribute("value")).as("the slash is not typed").isEmpty();

        page.el("#q").sendKeys("a/b");
        assertThat(page.el("#q").getAttribute("value")).isEqualTo("a/b");
    }

    @Test
    void sortByDateOrdersTheHits() {
        page.open("");
        new Select(page.el("#sort")).selectByValue("-date");
        page.waitUntil("sort in the URL", () -> "-date".equals(page.params().get("sort")));
        page.settle();
        List<String> newest = dates("#results .hit .hit-meta time");
        assertThat(newest).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(newest.get(0)).startsWith("2025");

        new Select(page.el("#sort")).selectByValue("date");
        page.waitUntil("sort in the URL", () -> "date".equals(page.params().get("sort")));
        page.settle();
        assertThat(dates("#results .hit .hit-meta time")).isSorted().first().asString().startsWith("1889");
    }

    @Test
    void pagingMovesThroughTheResults() {
        page.open("");
        long total = page.total();
        assertThat(total).isGreaterThan(10);
        List<String> first = page.hitTitles();
        page.el("#pager a.page-next").click();
        page.waitUntil("page 2", () -> "2".equals(page.params().get("page")));
        page.settle();
        List<String> second = page.hitTitles();
        assertThat(second).hasSize((int) (total - 10)).doesNotContainAnyElementsOf(first);
        assertThat(page.text("#total")).startsWith("11–" + total + " of " + total);

        // a page past the end (an old link) shows the last page instead, without a new history entry
        page.open("?page=99");
        page.waitUntil("the last page", () -> "2".equals(page.params().get("page")));
        page.settle();
        assertThat(page.hitTitles()).isEqualTo(second);
    }

    // ---- facets --------------------------------------------------------------------------

    @Test
    void tickingAnActorAddsAChipNarrowsTheResultsAndKeepsTheOtherActorsCounts() {
        page.open("");
        long all = page.total();
        Map<String, Long> before = page.facetCounts("facet-actor");
        assertThat(before).containsEntry("Europe Desk", 5L).containsEntry("Americas Desk", 7L);
        WebElement europe = page.facetValue("facet-actor", "Europe Desk");
        assertThat(europe.findElement(By.cssSelector("svg.icon-organisation")).getAttribute("aria-label")).isEqualTo("Organisation");

        europe.findElement(By.cssSelector("input[type=checkbox]")).click();

        page.waitUntil("the actor filter in the URL", () -> "Europe Desk".equals(page.params().get("actor")));
        page.settle();
        assertThat(page.total()).isEqualTo(5).isLessThan(all);
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Europe Desk");
        Map<String, Long> after = page.facetCounts("facet-actor");
        assertThat(after).as("drill-sideways: the other desks keep their counts")
                .containsEntry("Europe Desk", 5L).containsEntry("Americas Desk", 7L).containsEntry("Asia-Pacific Desk", 3L);
        assertThat(page.facetValue("facet-actor", "Europe Desk").findElement(By.cssSelector("input")).isSelected()).isTrue();
        assertThat(page.js("return document.activeElement.closest('label')?.dataset.key"))
                .as("focus stays on the ticked box").isEqualTo("Europe Desk");

        // a second actor of the same facet is an alternative: the results widen
        page.facetValue("facet-actor", "Africa Desk").findElement(By.cssSelector("input")).click();
        page.waitUntil("two actors in the URL", () -> "Europe Desk|Africa Desk".equals(page.params().get("actor")));
        page.settle();
        assertThat(page.total()).isEqualTo(6);

        // the chip's × removes its filter
        page.el("#chips .filter-chip[data-value='Europe Desk'] .filter-chip-remove").click();
        page.waitUntil("one actor left", () -> "Africa Desk".equals(page.params().get("actor")));
        page.settle();
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Africa Desk");
    }

    @Test
    void theActorFilterBoxFindsNamesByAnyWordsPrefix() {
        page.open("");
        page.el("#facet-actor-filter").sendKeys("perd");
        page.waitUntil("the filtered actor list", () -> page.facetCounts("facet-actor").keySet().equals(java.util.Set.of("Luz Marina Perdomo")));
        page.el("#facet-actor-filter").sendKeys(Keys.chord(Keys.CONTROL, "a"), "zzzz");
        page.waitUntil("no matching names", () -> page.text("#facet-actor").startsWith("No names starting with"));
    }

    @Test
    void expandingACountryShowsItsRegionsAndTickingOneFilters() {
        page.open("");
        assertThat(page.facetCounts("facet-location")).containsEntry("Germany", 2L).containsEntry("Mexico", 2L);
        WebElement twisty = page.el("#facet-location li.tree-node[data-path='Germany'] > .tree-row button.twisty");
        assertThat(twisty.getAttribute("aria-expanded")).isEqualTo("false");

        twisty.click();

        page.waitUntil("Germany's regions", () -> page.exists("#facet-location li.tree-node[data-path='Germany/Bavaria']"));
        page.settle();
        assertThat(page.el("#facet-location li.tree-node[data-path='Germany'] > .tree-row button.twisty").getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(page.texts("#facet-location li.tree-node[data-path='Germany'] > ul > li > .tree-row .facet-name"))
                .contains("Bavaria", "Rhineland-Palatinate", "Berlin", "Hamburg");

        page.el("#facet-location li.tree-node[data-path='Germany/Bavaria'] > .tree-row input[type=checkbox]").click();

        page.waitUntil("the place filter in the URL", () -> "Germany/Bavaria".equals(page.params().get("location")));
        page.settle();
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hitTitles()).singleElement().asString().containsIgnoringCase("Munich");
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Germany › Bavaria");
        assertThat(page.el("#facet-location li.tree-node[data-path='Germany/Bavaria'] > .tree-row input").isSelected()).isTrue();
        assertThat(page.facetCounts("facet-location")).as("other countries keep their counts").containsEntry("Mexico", 2L);
    }

    @Test
    void formatFacetFilters() {
        page.open("");
        Map<String, Long> formats = page.facetCounts("facet-format");
        assertThat(formats).isNotEmpty();
        String pdf = formats.keySet().stream().filter(f -> f.toLowerCase().contains("pdf")).findFirst().orElseThrow();
        page.facetValue("facet-format", pdf).findElement(By.cssSelector("input")).click();
        page.waitUntil("the format filter", () -> pdf.equals(page.params().get("format")));
        page.settle();
        assertThat(page.total()).isEqualTo(formats.get(pdf)).isEqualTo(2);
        assertThat(page.texts("#results .hit .badge")).containsOnly(pdf);
    }

    @Test
    void showMoreListsEveryActor() {
        page.open("");
        int shown = page.facetCounts("facet-actor").size();
        assertThat(shown).isEqualTo(20);
        page.el("#facet-actor-more").click();
        page.waitUntil("more actors", () -> page.facetCounts("facet-actor").size() > shown);
        assertThat(page.text("#facet-actor-more")).isEqualTo("Show fewer");
        page.el("#facet-actor-more").click();
        page.waitUntil("fewer actors", () -> page.facetCounts("facet-actor").size() <= 30);
    }

    @Test
    void thePlaceFilterBoxOpensACountryAndFiltersInsideIt() {
        page.open("");
        page.el("#facet-location-filter").sendKeys("germany/ba");
        page.waitUntil("Bavaria under Germany", () -> page.exists("#facet-location li.tree-node[data-path='Germany/Bavaria']"));
        page.settle();
        assertThat(page.texts("#facet-location li.tree-node[data-path='Germany'] > ul > li > .tree-row .facet-name"))
                .containsExactlyInAnyOrder("Baden-Württemberg", "Bavaria");
        assertThat(page.exists("#facet-location li.tree-node[data-path='Mexico']")).as("other countries are filtered out").isFalse();
        page.el("#facet-location-filter").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        page.waitUntil("every country again", () -> page.exists("#facet-location li.tree-node[data-path='Mexico']"));
    }

    @Test
    void hitChipsAndTheDocumentsFilterButtonsAddFilters() {
        page.open("");
        page.search("coffee");
        page.all("#results .hit .hit-chips button.chip-location").stream()
                .filter(c -> c.getText().equals("Huila")).findFirst().orElseThrow().click();
        page.waitUntil("the place filter", () -> "Colombia/Huila".equals(page.params().get("location")));
        page.settle();
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Colombia › Huila");

        page.el("#results .hit .hit-title").click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        page.el("#doc-side button[aria-label='Filter search by Luz Marina Perdomo']").click();
        page.waitUntil("the dialog to close", () -> !page.exists("#doc[open]"));
        page.waitUntil("the actor filter", () -> "Luz Marina Perdomo".equals(page.params().get("actor")));
        page.settle();
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Luz Marina Perdomo", "Colombia › Huila");
        assertThat(page.total()).isEqualTo(1);
        page.el("#chips .clear-all").click();
        page.waitUntil("no filters", () -> !page.params().containsKey("actor") && !page.params().containsKey("location"));
        assertThat(page.js("return document.activeElement.id")).isEqualTo("q");
    }

    @Test
    void theYearListAndTheDateFormSetTheRange() {
        page.open("");
        page.facetValue("facet-date", "2019").findElement(By.cssSelector("input")).click();
        page.waitUntil("2019 in the URL", () -> "2019".equals(page.params().get("from")) && "2019".equals(page.params().get("to")));
        page.settle();
        assertThat(page.total()).isEqualTo(2);
        page.facetValue("facet-date", "2015").findElement(By.cssSelector("input")).click();
        page.waitUntil("2015–2019 in the URL", () -> "2015".equals(page.params().get("from")) && "2019".equals(page.params().get("to")));
        page.settle();
        assertThat(page.total()).isEqualTo(5);

        page.el("#date-from").clear();
        page.el("#date-from").sendKeys("1987-13");
        page.el("#date-to").clear();
        page.el("#date-to").sendKeys("1975", Keys.ENTER);
        page.waitUntil("the invalid date message", () -> page.text("#error").contains("Invalid date"));
        assertThat(page.el("#date-from").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.params()).containsEntry("from", "2015");

        page.el("#date-from").clear();
        page.el("#date-from").sendKeys("1960", Keys.ENTER);
        page.waitUntil("1960–1975 in the URL", () -> "1960".equals(page.params().get("from")) && "1975".equals(page.params().get("to")));
        page.settle();
        assertThat(page.total()).as("Sapporo 1968 and Aberdeen 1974").isEqualTo(2);
        assertThat(page.el("#date-from").getAttribute("aria-invalid")).isNotEqualTo("true");
        assertThat(page.exists("#error > *")).isFalse();
    }

    // ---- timeline ------------------------------------------------------------------------

    @Test
    void clickingATimelineBarSetsTheDateRange() {
        page.open("");
        page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar[data-period='2019']"));
        long all = page.total();

        // normalised: each bar is the share of the period's documents
        page.el("#timeline-normalized").click();
        page.waitUntil("norm in the URL", () -> "1".equals(page.params().get("norm")));
        page.waitUntil("the normalised heading", () -> page.text("#timeline-heading").equals("Share of documents per year"));
        assertThat(page.el("#timeline rect.bar[data-period='2019']").getAttribute("aria-label")).isEqualTo("2019: 2 hits of 2 documents (100.0%)");
        page.el("#timeline-normalized").click();
        page.waitUntil("raw counts", () -> page.text("#timeline-heading").equals("Hits per year"));

        page.el("#timeline rect.bar[data-period='2019']").click();

        page.waitUntil("the date range in the URL", () -> "2019".equals(page.params().get("from")) && "2019".equals(page.params().get("to")));
        page.settle();
        assertThat(page.total()).isEqualTo(2).isLessThan(all);
        assertThat(dates("#results .hit .hit-meta time")).allSatisfy(d -> assertThat(d).startsWith("2019"));
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("2019");
        assertThat(page.el("#date-from").getAttribute("value")).isEqualTo("2019");
        assertThat(page.el("#date-to").getAttribute("value")).isEqualTo("2019");
        assertThat(page.el("#timeline-reset").isDisplayed()).isTrue();
        // a one-year range is drawn by month
        page.waitUntil("monthly bars", () -> page.exists("#timeline rect.bar[data-period='2019-04']"));
        assertThat(page.text("#timeline-heading")).isEqualTo("Hits per month");

        page.el("#timeline-reset").click();
        page.waitUntil("no date range", () -> !page.params().containsKey("from"));
        page.settle();
        assertThat(page.total()).isEqualTo(all);
    }

    @Test
    void hitsWithinOneYearAreDrawnByMonthFromOneTimelineRequest() {
        page.open("?q=football");
        page.waitUntil("monthly bars", () -> page.text("#timeline-heading").equals("Hits per month"));
        page.settle();
        assertThat(page.exists("#timeline rect.bar[data-period^='2019-']")).isTrue();
        Object timelines = page.js("return performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes('/api/v1/timeline?')).map((e) => e.name)");
        assertThat((List<?>) timelines).singleElement().asString().contains("interval=auto");
    }

    @Test
    void draggingAcrossBarsSelectsARangeOfYears() {
        page.open("");
        page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar[data-period='2015']"));
        WebElement from = page.el("#timeline rect.bar[data-period='2015']");
        WebElement to = page.el("#timeline rect.bar[data-period='2019']");
        new Actions(chromium.driver()).clickAndHold(from).moveToElement(to).release().perform();
        page.waitUntil("the dragged range", () -> "2015".equals(page.params().get("from")) && "2019".equals(page.params().get("to")));
        page.settle();
        // 2015 Oaxaca, 2016 Kerala, 2017 Mombasa, 2019 Huila and Porto
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void theTimelineWorksFromTheKeyboard() {
        page.open("");
        page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar[tabindex='0']"));
        WebElement first = page.el("#timeline rect.bar[tabindex='0']");
        first.sendKeys(Keys.END);
        page.waitUntil("the last bar to have focus", () -> "2025".equals(page.js("return document.activeElement.dataset.period")));
        page.el("#timeline rect.bar[data-period='2025']").sendKeys(Keys.ARROW_LEFT, Keys.ENTER);
        page.waitUntil("2024 in the URL", () -> "2024".equals(page.params().get("from")) && "2024".equals(page.params().get("to")));
        page.settle();
        assertThat(page.total()).isEqualTo(1);
    }

    // ---- URL state -------------------------------------------------------------------------

    @Test
    void reloadAndBackForwardRestoreQueryAndFilters() {
        page.open("");
        page.search("harvest");
        long harvest = page.total();
        page.facetValue("facet-actor", "Americas Desk").findElement(By.cssSelector("input")).click();
        page.waitUntil("the actor filter", () -> page.params().containsKey("actor"));
        page.settle();
        long filtered = page.total();
        assertThat(filtered).isLessThanOrEqualTo(harvest);
        String url = page.url();

        chromium.driver().navigate().refresh();
        page.waitForFirstRender();
        assertThat(page.url()).isEqualTo(url);
        assertThat(page.el("#q").getAttribute("value")).isEqualTo("harvest");
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Americas Desk");
        assertThat(page.facetValue("facet-actor", "Americas Desk").findElement(By.cssSelector("input")).isSelected()).isTrue();
        assertThat(page.total()).isEqualTo(filtered);

        chromium.driver().navigate().back();
        page.waitUntil("the filter to go", () -> !page.params().containsKey("actor"));
        page.settle();
        assertThat(page.texts("#chips .filter-chip")).isEmpty();
        assertThat(page.el("#q").getAttribute("value")).isEqualTo("harvest");
        assertThat(page.total()).isEqualTo(harvest);

        chromium.driver().navigate().back();
        page.waitUntil("the query to go", () -> !page.params().containsKey("q"));
        page.settle();
        assertThat(page.el("#q").getAttribute("value")).isEmpty();

        chromium.driver().navigate().forward();
        chromium.driver().navigate().forward();
        page.waitUntil("the filter to come back", () -> page.params().containsKey("actor"));
        page.settle();
        assertThat(page.el("#q").getAttribute("value")).isEqualTo("harvest");
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Americas Desk");
        assertThat(page.total()).isEqualTo(filtered);
    }

    @Test
    void aSharedLinkOpensWithItsWholeState() {
        page.open("?q=coffee&sort=-date&location=Colombia&view=concordance");
        assertThat(page.el("#q").getAttribute("value")).isEqualTo("coffee");
        assertThat(new Select(page.el("#sort")).getFirstSelectedOption().getAttribute("value")).isEqualTo("-date");
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly("Colombia");
        page.waitUntil("concordance lines", () -> page.exists("#concordance-lines .kwic-line"));
        assertThat(page.el("#concordance").isDisplayed()).isTrue();
        assertThat(page.el("#results").isDisplayed()).isFalse();
        assertThat(page.texts("#concordance-lines .kwic-match")).allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("coffee"));
    }

    @Test
    void exportLinksAndCopyAsCurlCarryTheCurrentSearch() {
        page.open("?q=coffee&actor=Americas+Desk");
        String csv = page.el("#export-csv").getAttribute("href");
        assertThat(csv).contains("/api/v1/export?").contains("q=coffee").contains("actor=Americas+Desk").contains("format=csv");
        Object status = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.split('\\n').length))).catch(e => done(String(e)));", csv);
        assertThat(String.valueOf(status)).startsWith("200 ");

        chromium.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        page.el("#copy-curl").click();
        page.waitUntil("the copy confirmation", () -> !page.text("#toast").isEmpty());
        assertThat(page.text("#toast")).isEqualTo("curl command copied");
        Object copied = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
        assertThat(String.valueOf(copied)).isEqualTo("curl -sS -H 'Accept: application/json' '" + server.url()
                + "api/v1/search?q=coffee&actor=Americas+Desk&sort=relevance&page=1&size=10'");
    }

    // ---- document view -------------------------------------------------------------------

    @Test
    void theDocumentViewMarksEveryMatchAndStepsThroughThem() {
        page.open("");
        page.search("coffee");
        WebElement title = page.all("#results .hit .hit-title").stream()
                .filter(t -> t.getText().toLowerCase().contains("coffee")).findFirst().orElseThrow();
        title.click();

        page.waitUntil("the document", () -> page.exists("#doc[open] #doc-text mark.match"));
        page.settle();
        assertThat(page.params()).containsKey("doc").containsEntry("q", "coffee");
        List<WebElement> marks = page.all("#doc-text mark.match");
        int n = marks.size();
        assertThat(n).isGreaterThanOrEqualTo(5);
        assertThat(page.texts("#doc-text mark.match")).allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("coffee"));
        assertThat(page.text("#match-pos")).isEqualTo("1 / " + n);
        assertThat(marks.get(0).getAttribute("class")).contains("current");

        page.el("#next-match").click();
        assertThat(page.text("#match-pos")).isEqualTo("2 / " + n);
        assertThat(marks.get(1).getAttribute("class")).contains("current");
        assertThat(marks.get(0).getAttribute("class")).doesNotContain("current");
        WebElement last = marks.get(n - 1);
        page.el("#prev-match").click();
        page.el("#prev-match").click();
        assertThat(page.text("#match-pos")).as("previous wraps round").isEqualTo(n + " / " + n);
        page.waitUntil("the last match to scroll into view", () -> page.scrolledIntoView(last));

        // n and p step from the keyboard
        page.el("#doc-text").sendKeys("n");
        assertThat(page.text("#match-pos")).isEqualTo("1 / " + n);
        page.waitUntil("the first match to scroll into view", () -> page.scrolledIntoView(marks.get(0)));

        // the side panel lists the article's people and quotes
        assertThat(page.texts("#doc-side .entity-jump span:not(.count)")).contains("Luz Marina Perdomo");
        assertThat(page.texts("#doc-side .doc-quote .quote-speaker")).contains("— Luz Marina Perdomo");
        assertThat(page.exists("#doc-text .mention-person")).isTrue();

        // Escape closes the view and drops doc= from the URL; the results are still there
        page.el("#doc-text").sendKeys(Keys.ESCAPE);
        page.waitUntil("the dialog to close", () -> !page.exists("#doc[open]"));
        assertThat(page.params()).doesNotContainKey("doc").containsEntry("q", "coffee");
        assertThat(page.hitTitles()).isNotEmpty();
    }

    @Test
    void aPermalinkOpensTheDocumentAndBackClosesIt() {
        page.open("");
        page.search("coffee");
        page.all("#results .hit .hit-title").get(0).click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        String permalink = page.el("#doc-permalink").getAttribute("href");
        String id = page.params().get("doc");
        assertThat(permalink).endsWith("?doc=" + id);

        chromium.driver().navigate().back();
        page.waitUntil("the dialog to close", () -> !page.exists("#doc[open]"));

        chromium.driver().get(permalink);
        page.waitUntil("the permalinked document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        assertThat(page.text("#doc-title")).isNotBlank().isNotEqualTo("Document unavailable");
        assertThat(page.text("#match-pos")).isEqualTo("No matches");
    }

    @Test
    void anUnknownDocumentSaysSo() {
        expectConsoleError("status of 404");
        page.open("?doc=0123456789abcdef");
        page.waitUntil("the failure", () -> page.text("#doc-title").equals("Document unavailable"));
        assertThat(page.text("#doc-error")).contains("0123456789abcdef");
        page.el("#doc-close").click();
        page.waitUntil("the dialog to close", () -> !page.exists("#doc[open]"));
        assertThat(page.params()).doesNotContainKey("doc");
    }

    // ---- quotes ----------------------------------------------------------------------------

    @Test
    void quoteSearchShowsSpeakersAndSortsEarliestFirst() {
        page.open("");
        page.el("#tab-quotes").click();
        page.waitUntil("the quotes tab", () -> page.el("#panel-quotes").isDisplayed() && "quotes".equals(page.params().get("tab")));
        page.el("#quotes-q").sendKeys("rain", Keys.ENTER);
        page.waitUntil("quotes about rain", () -> page.exists("#quotes-results .quote") && "rain".equals(page.params().get("qq")));
        page.settle();
        assertThat(page.texts("#quotes-results .quote .quote-text")).allSatisfy(t -> assertThat(t).containsIgnoringCase("rain"));
        assertThat(page.texts("#quotes-results .quote .quote-speaker")).contains("— Luz Marina Perdomo");

        // every quote, earliest first
        page.el("#quotes-q").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.ENTER);
        page.waitUntil("all quotes", () -> !page.params().containsKey("qq"));
        new Select(page.el("#quotes-sort")).selectByValue("earliest");
        page.waitUntil("earliest first", () -> "earliest".equals(page.params().get("qsort")));
        page.settle();
        List<String> dates = dates("#quotes-results .quote time");
        assertThat(dates).hasSizeGreaterThan(5).isSorted();
        assertThat(dates.get(0)).startsWith("1889");

        // a speaker's name filters to their quotes
        WebElement speaker = page.all("#quotes-results .quote .quote-speaker").get(0);
        String name = speaker.getText().replaceFirst("^— ", "");
        speaker.click();
        page.waitUntil("the speaker filter", () -> name.equals(page.params().get("speaker")));
        page.settle();
        assertThat(page.el("#quotes-speaker").getAttribute("value")).isEqualTo(name);
        assertThat(page.texts("#quotes-results .quote .quote-speaker")).isNotEmpty().containsOnly("— " + name);

        // a quote opens its article at the quote
        page.all("#quotes-results .quote .quote-doc").get(0).click();
        page.waitUntil("the article", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        page.waitUntil("the quote to be outlined", () -> page.exists("#doc-text .flash"));
        page.waitUntil("the quote to scroll into view", () -> page.scrolledIntoView(page.el("#doc-text .flash")));
    }

    // ---- upload ----------------------------------------------------------------------------

    @Test
    void uploadWithAKeyIndexesTheFileThenReportsTheSameBytesAsADuplicate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wombat-notes.txt");
        Files.writeString(file, "Wombat notes\nDate: 2001-05-06\n\nThe marker word of this upload is wombatupload.\n", StandardCharsets.UTF_8);
        page.open("?tab=upload");
        page.js("sessionStorage.clear()");
        page.el("#upload-key").clear();

        // without a key the file waits and the key field asks for one
        page.el("#upload-input").sendKeys(file.toAbsolutePath().toString());
        page.waitUntil("the waiting row", () -> page.exists("#upload-results .upload-result[data-outcome='waiting']"));
        assertThat(page.text("#upload-key-message")).contains("API key");
        assertThat(page.js("return document.activeElement.id")).isEqualTo("upload-key");

        // a wrong key is refused and asked for again
        expectConsoleError("status of 403");
        page.el("#upload-key").sendKeys("stk_not-a-key", Keys.ENTER);
        page.waitUntil("the refusal", () -> page.text("#upload-key-message").contains("not valid"));
        assertThat(page.exists("#upload-results .upload-result[data-outcome='waiting']")).isTrue();

        // the right key sends the waiting file
        page.el("#upload-key").sendKeys(Keys.chord(Keys.CONTROL, "a"), server.apiKey(), Keys.ENTER);
        page.waitUntil("the file to be indexed", () -> page.exists("#upload-results .upload-result[data-outcome='indexed']"));
        WebElement row = page.el("#upload-results .upload-result[data-outcome='indexed']");
        assertThat(row.findElement(By.cssSelector(".upload-name")).getText()).isEqualTo("wombat-notes.txt");
        assertThat(row.findElement(By.cssSelector(".upload-outcome")).getText()).isEqualTo("Indexed");
        assertThat(row.findElement(By.cssSelector(".upload-link")).getAttribute("href")).contains("?doc=");
        assertThat(page.text("#upload-key-message")).isEmpty();

        // the same bytes again: a duplicate, with the reason
        page.el("#upload-input").sendKeys(file.toAbsolutePath().toString());
        page.waitUntil("the duplicate", () -> page.exists("#upload-results .upload-result[data-outcome='duplicate']"));
        assertThat(page.el("#upload-results .upload-result[data-outcome='duplicate'] .upload-reason").getText()).contains("already archived");

        // an empty file is rejected with its reason
        expectConsoleError("status of 4");
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        page.el("#upload-input").sendKeys(empty.toAbsolutePath().toString());
        page.waitUntil("the rejection", () -> page.all("#upload-results .upload-result").size() == 3
                && !List.of("queued", "uploading", "processing").contains(page.all("#upload-results .upload-result").get(2).getAttribute("data-outcome")));
        WebElement rejected = page.all("#upload-results .upload-result").get(2);
        assertThat(rejected.getAttribute("data-outcome")).isEqualTo("rejected");
        assertThat(rejected.findElement(By.cssSelector(".upload-outcome")).getText()).isEqualTo("Rejected");
        assertThat(rejected.findElement(By.cssSelector(".upload-reason")).getText()).isEqualTo("— empty file");

        // several files at once each get their own row and outcome
        Path a = Files.writeString(dir.resolve("numbat-a.txt"), "Numbat A\nThe marker word is numbatupload.\n");
        Path b = Files.write(dir.resolve("noise.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 7, 8, 9, 10, 11, 12});
        page.el("#upload-input").sendKeys(a.toAbsolutePath() + "\n" + b.toAbsolutePath());
        page.waitUntil("both files", () -> page.exists("#upload-results .upload-result[data-outcome='indexed'] ~ .upload-result")
                && page.all("#upload-results .upload-result").size() == 5
                && page.all("#upload-results .upload-result[data-outcome='rejected']").size() == 2);
        assertThat(page.texts("#upload-results .upload-result .upload-name")).containsExactly(
                "wombat-notes.txt", "wombat-notes.txt", "empty.txt", "numbat-a.txt", "noise.bin");
        assertThat(page.all("#upload-results .upload-result").get(3).getAttribute("data-outcome")).isEqualTo("indexed");
        assertThat(page.all("#upload-results .upload-result").get(4).findElement(By.cssSelector(".upload-reason")).getText())
                .contains("unsupported");

        // "Clear finished" empties the list
        page.el("#upload-clear").click();
        assertThat(page.all("#upload-results .upload-result")).isEmpty();

        // the key is kept for the tab, and the new document is searchable from the page
        chromium.driver().get(server.url() + "?q=wombatupload");
        page.waitForFirstRender();
        assertThat(page.total()).isEqualTo(1);
        chromium.driver().get(server.url() + "?tab=upload");
        page.waitUntil("the upload tab", () -> page.el("#panel-upload").isDisplayed());
        assertThat(page.el("#upload-key").getAttribute("value")).isEqualTo(server.apiKey());
    }

    @Test
    void aBigDropOfFilesWaitsWhenTheServerAsksForAPause(@TempDir Path dir) throws IOException {
        // a server that takes a burst of 10 writes, then one every 6 s: of 12 files dropped at once, the last get 429
        expectConsoleError("status of 429");
        try (TestArchiveServer slow = TestArchiveServer.startEmpty(dir.resolve("archive"), 10)) {
            List<String> files = new java.util.ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                files.add(Files.writeString(dir.resolve("note-" + i + ".txt"), "Note " + i + " of a big drop.\n").toAbsolutePath().toString());
            }
            chromium.driver().get(slow.url() + "?tab=upload");
            page.waitForFirstRender();
            page.js("sessionStorage.clear()");
            page.el("#upload-key").clear();
            page.el("#upload-key").sendKeys(slow.apiKey());
            page.el("#upload-input").sendKeys(String.join("\n", files));
            String paused = "— the server asked for a pause; retrying in 10 s";
            page.waitUntil("the uploads to pause", () -> page.all("#upload-results .upload-result[data-outcome='indexed']").size() >= 10
                    && page.texts("#upload-results .upload-result[data-outcome='queued'] .upload-reason").contains(paused)
                    && page.all("#upload-results .upload-result[data-outcome='uploading'], #upload-results .upload-result[data-outcome='processing']").isEmpty());
            assertThat(page.all("#upload-results .upload-result[data-outcome='error']")).as("no file failed").isEmpty();
            assertThat(page.texts("#upload-results .upload-result[data-outcome='queued'] .upload-reason"))
                    .as("the files left wait for the pause").isNotEmpty().containsOnly(paused);
            chromium.driver().get("about:blank"); // the paused uploads end with the page
        }
    }

    // ---- hostile content ---------------------------------------------------------------------

    @Test
    void theXssFileShowsAsTextAndRunsNothing() {
        assumeTrue(server.hasXssFile(), "../shared/corpora/bad-inputs/xss-payloads.html is absent");
        page.open("");
        armXssTraps();

        page.search("quokkaxss");

        assertThat(page.total()).isEqualTo(1);
        String title = page.text("#results .hit .hit-title");
        assertThat(title).contains("<script>").contains("<img src=x onerror=alert(1)>");
        assertThat(String.join(" ", page.texts("#results .hit .snippet"))).contains("quokkaxss").contains("onerror=alert(8)>");
        assertThat(page.text("#results .hit .snippet mark")).isEqualToIgnoringCase("quokkaxss");
        assertNothingInjected("#results");

        page.el("#results .hit .hit-title").click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        assertThat(page.text("#doc-title")).contains("<script>");
        assertThat(page.text("#doc-text")).contains("<script>alert(document.domain)</script>").contains("<img src=x onerror=alert(8)>");
        assertThat(page.text("#doc-text mark.match")).isEqualToIgnoringCase("quokkaxss");
        assertNothingInjected("#doc");

        page.el("#doc-cite").click();
        assertThat(page.text("#cite-bibtex")).contains("<script>");
        assertNothingInjected("#doc");

        // the words of the payload are searchable and still inert
        page.el("#doc-close").click();
        page.search("alert");
        assertThat(page.total()).isGreaterThanOrEqualTo(1);
        assertNothingInjected("#results");
        page.search("\"<script>alert(document.domain)</script>\"");
        assertNothingInjected("body");
    }

    @Test
    void markupInActorPlaceAndSpeakerNamesShowsAsText() {
        assumeTrue(server.hasXssFile(), "../shared/corpora/bad-inputs/xss-payloads.html is absent");
        page.open("?q=quokkaxss");
        armXssTraps();

        // facets and result chips
        assertThat(page.facetCounts("facet-actor")).containsEntry(GoldEnricher.XSS_ACTOR, 1L);
        assertThat(page.facetCounts("facet-location")).containsEntry(GoldEnricher.XSS_COUNTRY, 1L);
        assertThat(page.texts("#results .hit .hit-chips .chip")).containsExactly(GoldEnricher.XSS_ACTOR, GoldEnricher.XSS_PLACE);
        page.el("#facet-location li.tree-node > .tree-row button.twisty").click();
        page.waitUntil("the place under the country", () -> page.texts("#facet-location li li .facet-name").contains(GoldEnricher.XSS_PLACE));
        page.settle();
        assertNothingInjected("body");

        // tick the actor: the chip, the URL and the ticked box all keep the name as text
        page.facetValue("facet-actor", GoldEnricher.XSS_ACTOR).findElement(By.cssSelector("input")).click();
        page.waitUntil("the actor filter", () -> GoldEnricher.XSS_ACTOR.equals(page.params().get("actor")));
        page.settle();
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).containsExactly(GoldEnricher.XSS_ACTOR);
        assertThat(page.facetValue("facet-actor", GoldEnricher.XSS_ACTOR).findElement(By.cssSelector("input")).isSelected()).isTrue();
        page.el("#results .hit .hit-chips .chip-location").click();
        page.waitUntil("the place filter", () -> (GoldEnricher.XSS_COUNTRY + "/" + GoldEnricher.XSS_PLACE).equals(page.params().get("location")));
        page.settle();
        assertThat(page.texts("#chips .filter-chip .filter-chip-value")).contains(GoldEnricher.XSS_COUNTRY + " › " + GoldEnricher.XSS_PLACE);
        assertNothingInjected("body");

        // the document's side panel and mention marks
        page.el("#results .hit .hit-title").click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        assertThat(page.texts("#doc-side .entity-jump span:not(.count)")).contains(GoldEnricher.XSS_ACTOR, GoldEnricher.XSS_PLACE);
        assertThat(page.texts("#doc-side .doc-quote .quote-speaker")).containsExactly("— " + GoldEnricher.XSS_SPEAKER);
        assertThat(page.el("#doc-text .mention-person").getAttribute("title")).contains("Person: " + GoldEnricher.XSS_ACTOR);
        assertNothingInjected("#doc");
        page.el("#doc-close").click();

        // the quotes tab
        page.open("?tab=quotes&qq=%22quiet+trading%22");
        armXssTraps();
        page.waitUntil("the quote", () -> page.exists("#quotes-results .quote"));
        assertThat(page.texts("#quotes-results .quote .quote-speaker")).containsExactly("— " + GoldEnricher.XSS_SPEAKER);
        page.el("#quotes-results .quote .quote-speaker").click();
        page.waitUntil("the speaker filter", () -> GoldEnricher.XSS_SPEAKER.equals(page.params().get("speaker")));
        page.settle();
        assertThat(page.texts("#quotes-results .quote .quote-speaker")).containsExactly("— " + GoldEnricher.XSS_SPEAKER);
        assertNothingInjected("body");
    }

    @Test
    void aQueryWithMarkupIsShownAsTextEverywhere() {
        page.open("");
        armXssTraps();
        String q = "<img src=x onerror=window.__xss=true>";
        page.search(q);
        assertThat(page.el("#q").getAttribute("value")).isEqualTo(q);
        assertThat(chromium.driver().getTitle()).isEqualTo(q + " — Stacks");
        chromium.driver().navigate().refresh();
        page.waitForFirstRender();
        armXssTraps();
        assertThat(page.el("#q").getAttribute("value")).isEqualTo(q);
        assertNothingInjected("body");
    }

    @Test
    void theZurichReportKeepsItsFileNameExactly() {
        assumeTrue(server.hasZurichFile(), "the Zürich report of ../shared/corpora/bad-inputs is absent");
        String name = TestArchiveServer.ZURICH_NAME;
        page.open("");
        armXssTraps();
        page.search("Shamrock");
        assertThat(page.total()).isEqualTo(1);
        String shown = page.text("#results .hit .source-name");
        assertThat(shown).isEqualTo(name);
        assertThat(Normalizer.isNormalized(shown, Normalizer.Form.NFC)).isTrue();
        assertThat(page.text("#results .hit .hit-title")).isEqualTo("DIAMOND SHAMROCK OFFSHORE <DSP> IN FIND");
        assertNothingInjected("#results");

        page.el("#results .hit .hit-title").click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        assertThat(page.el("#doc-download").getAttribute("download")).isEqualTo(name);
        @SuppressWarnings("unchecked")
        Map<String, String> meta = (Map<String, String>) page.js("""
                const out = {};
                for (const dt of document.querySelectorAll('#doc-side .meta-list dt')) out[dt.textContent] = dt.nextElementSibling.textContent;
                return out;""");
        assertThat(meta).containsEntry("File", name);
        Object download = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('#doc-download').href).then(r => done(r.headers.get('content-disposition'))).catch(e => done(String(e)));");
        assertThat(String.valueOf(download)).contains("filename*=UTF-8''Z%C3%BCrich");
    }

    // ---- other tabs ------------------------------------------------------------------------

    @Test
    void theStatusTabShowsTheArchive() {
        page.open("");
        long all = page.total();
        page.el("#tab-status").click();
        page.waitUntil("the stats", () -> page.exists("#status-panel #stat-documents"));
        assertThat(page.text("#stat-documents dd").replaceAll("[^0-9]", "")).isEqualTo(String.valueOf(all));
        assertThat(page.texts("#status-panel table.count-table caption")).contains("By format", "By ingest outcome");
        assertThat(page.params()).containsEntry("tab", "status");
    }

    @Test
    void tabsFollowTheArrowKeys() {
        page.open("");
        page.el("#tab-search").click();
        page.el("#tab-search").sendKeys(Keys.ARROW_RIGHT);
        page.waitUntil("the quotes tab", () -> "quotes".equals(page.params().get("tab")));
        assertThat(page.js("return document.activeElement.id")).isEqualTo("tab-quotes");
        assertThat(page.el("#tab-quotes").getAttribute("aria-selected")).isEqualTo("true");
        assertThat(page.el("#panel-search").isDisplayed()).isFalse();
        page.el("#tab-quotes").sendKeys(Keys.END);
        page.waitUntil("the status tab", () -> "status".equals(page.params().get("tab")));
        new Actions(chromium.driver()).sendKeys("/").perform();
        page.waitUntil("the search tab", () -> !page.params().containsKey("tab"));
        assertThat(page.js("return document.activeElement.id")).isEqualTo("q");
    }

    // ---- accessibility -----------------------------------------------------------------------

    @Test
    void everyControlHasAnAccessibleName() {
        page.open("?q=coffee");
        page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar"));
        assertControlsNamed("search");
        // the check itself notices a control without a name
        page.js("document.querySelector('main').append(Object.assign(document.createElement('button'), { id: 'unnamed-probe' }))");
        assertThatThrownBy(() -> assertControlsNamed("probe")).isInstanceOf(AssertionError.class).hasMessageContaining("button");
        page.js("document.getElementById('unnamed-probe').remove()");
        page.el("#results .hit .hit-title").click();
        page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
        assertControlsNamed("document view");
        page.el("#doc-close").click();
        for (String tab : List.of("quotes&qq=rain", "upload", "status")) {
            page.open("?tab=" + tab);
            page.settle();
            assertControlsNamed(tab);
        }
    }

    /**
     * Every control in the accessibility tree (what a screen reader gets: the page behind an open
     * modal dialog is inert and left out) has a name. One DevTools call per page state.
     */
    @SuppressWarnings("unchecked")
    private void assertControlsNamed(String where) {
        chromium.driver().executeCdpCommand("Accessibility.enable", Map.of());
        Map<String, Object> tree = chromium.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<String> roles = List.of("button", "link", "textbox", "searchbox", "checkbox", "combobox", "tab", "radio",
                "spinbutton", "menuitem", "switch", "slider", "ListBox");
        List<String> controls = new java.util.ArrayList<>();
        List<String> unnamed = new java.util.ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) tree.get("nodes")) {
            if (Boolean.TRUE.equals(node.get("ignored"))) {
                continue;
            }
            String role = String.valueOf(((Map<String, Object>) node.getOrDefault("role", Map.of())).get("value"));
            if (!roles.contains(role)) {
                continue;
            }
            Object name = ((Map<String, Object>) node.getOrDefault("name", Map.of())).get("value");
            controls.add(role + " " + name);
            if (name == null || String.valueOf(name).isBlank()) {
                unnamed.add(role + " (backend node " + node.get("backendDOMNodeId") + ")");
            }
        }
        assertThat(controls).as("controls on the %s page", where).hasSizeGreaterThan(3);
        assertThat(unnamed).as("controls without an accessible name on the %s page", where).isEmpty();
    }

    // ---- layout ----------------------------------------------------------------------------

    @Test
    void readableWithoutSidewaysScrollingAt360And1440Pixels() {
        for (int width : new int[] {360, 1440}) {
            page.viewport(width, width < 600 ? 780 : 1000);
            page.open("?q=harvest");
            page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar"));
            assertNoSidewaysScroll(width, "search results");
            page.snapshot("search-" + width);

            page.el("#view-concordance").click();
            page.waitUntil("the concordance", () -> page.exists("#concordance-lines .kwic-line"));
            assertNoSidewaysScroll(width, "concordance");
            page.el("#view-results").click();

            page.el("#results .hit .hit-title").click();
            page.waitUntil("the document", () -> page.exists("#doc[open]") && !page.exists("#doc[aria-busy='true']"));
            assertNoSidewaysScroll(width, "document view");
            assertThat((Boolean) page.js("const d = document.querySelector('#doc'); return d.getBoundingClientRect().right <= innerWidth + 1"))
                    .as("document dialog fits at %d px", width).isTrue();
            page.snapshot("document-" + width);
            page.el("#doc-close").click();
            page.waitUntil("the dialog to close", () -> !page.exists("#doc[open]"));

            for (String tab : List.of("quotes", "upload", "status")) {
                page.open("?tab=" + tab + (tab.equals("quotes") ? "&qq=rain" : ""));
                page.waitUntil("the " + tab + " tab", () -> page.el("#panel-" + tab).isDisplayed());
                page.settle();
                assertNoSidewaysScroll(width, tab + " tab");
            }
        }
    }

    // ---- performance -----------------------------------------------------------------------

    @Test
    void firstResultsPaintTimeIsMeasured() {
        page.open("");
        PaintTimer timer = new PaintTimer(page);
        List<PaintTimer.Measurement> ms = timer.measureAll(List.of("coffee", "harvest", "\"heat alert\"", "bank", "city", "flood", "coffee"));
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.hits()).isPositive();
            assertThat(m.enterToPainted()).isPositive().isGreaterThanOrEqualTo(m.enterToInserted());
        });
        System.out.println(PaintTimer.report("[paint] sample archive (" + page.base() + "), " + WIDTH + " px:", ms));
    }

    @Test
    void resultsLoadWithoutLayoutShift() {
        // the skeleton rows reserve the space of the first results, and later searches keep the old results until the new arrive
        chromium.driver().get(server.url() + "?q=city");
        page.js("""
                window.__shifts = [];
                new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
                  .observe({ type: 'layout-shift', buffered: true });""");
        page.waitForFirstRender();
        page.waitUntil("the timeline", () -> page.exists("#timeline rect.bar"));
        double load = ((Number) page.js("return window.__shifts.reduce((a, b) => a + b, 0)")).doubleValue();
        page.js("window.__shifts = []");
        page.search("harvest");
        page.search("coffee");
        double searches = ((Number) page.js("return window.__shifts.reduce((a, b) => a + b, 0)")).doubleValue();
        System.out.printf("[layout] cumulative layout shift: page load %.4f, two searches %.4f%n", load, searches);
        assertThat(load).as("layout shift while the first results load").isLessThan(0.02);
    }

    @Test
    void anUnreachableServerIsExplainedAndTheSearchCanBeRetried() {
        expectConsoleError("ERR_INTERNET_DISCONNECTED");
        page.open("");
        org.openqa.selenium.chromium.ChromiumNetworkConditions offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.driver().setNetworkConditions(offline);
        try {
            page.search("coffee");
            page.waitUntil("the error", () -> page.text("#error").contains("Server unreachable"));
            assertThat(page.text("#total")).isEqualTo("Search failed");
        } finally {
            chromium.driver().deleteNetworkConditions();
        }
        page.el("#q").sendKeys(Keys.ENTER);
        page.waitUntil("the results", () -> page.exists("#results .hit"));
        page.settle();
        assertThat(page.exists("#error > *")).isFalse();
        assertThat(page.hitTitles()).isNotEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private List<String> dates(String css) {
        return (List<String>) page.js("return [...document.querySelectorAll(arguments[0])].map(t => t.getAttribute('datetime'));", css);
    }

    /**
     * Replaces alert/confirm/prompt with traps that record a call, and records Content-Security-Policy
     * violations: a page that inserts hostile markup fails the test even where the CSP blocked it.
     */
    private void armXssTraps() {
        page.js("""
                window.__xss = false;
                window.__cspViolations = [];
                for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => { window.__xss = true; };
                document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
                window.__scripts = document.scripts.length;""");
    }

    private void assertNothingInjected(String scope) {
        assertThatThrownBy(() -> chromium.driver().switchTo().alert()).as("no alert is open").isInstanceOf(NoAlertPresentException.class);
        assertThat(page.js("return window.__xss")).as("no injected script ran").isEqualTo(false);
        assertThat((List<?>) page.js("return window.__cspViolations")).as("nothing tried to run against the CSP").isEmpty();
        assertThat(page.js("return document.scripts.length === window.__scripts")).as("no script element was added").isEqualTo(true);
        assertThat(page.all(scope + " script, " + scope + " iframe, " + scope + " img, " + scope + " object, " + scope + " embed, "
                + scope + " [onerror], " + scope + " [onload], " + scope + " [onclick], " + scope + " a[href^='javascript']"))
                .as("no element from a document or query in %s", scope).isEmpty();
        assertThat(page.all(scope + " svg:not(.icon):not(#timeline)")).as("no foreign svg in %s", scope).isEmpty();
    }

    private void assertNoSidewaysScroll(int width, String what) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) page.js("""
                const d = document.documentElement;
                const wide = [...document.querySelectorAll('body *')].filter((e) => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > d.clientWidth + 1 && getComputedStyle(e).position !== 'fixed';
                }).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
                  + ' right=' + Math.round(e.getBoundingClientRect().right));
                return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wide: wide.join(', ') };""");
        assertThat(((Number) m.get("scrollWidth")).intValue())
                .as("%s at %d px: no horizontal scroll (too wide: %s)", what, width, m.get("wide"))
                .isLessThanOrEqualTo(((Number) m.get("clientWidth")).intValue());
    }
}
