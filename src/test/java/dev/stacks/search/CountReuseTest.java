package dev.stacks.search;

import dev.stacks.enrich.Article;
import dev.stacks.index.ArchiveIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.List;

import static dev.stacks.search.ArchiveSearchTest.article;
import static dev.stacks.search.ArchiveSearchTest.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A costly search's counts, kept per index reader as {@code serve} keeps them: its next page and a
 * facet value clicked reuse them and answer what a search from scratch answers; after an ingest
 * the new reader counts afresh.
 */
class CountReuseTest {
    @TempDir
    static Path dir;
    static ArchiveIndex index;

    /** Enough articles with one word for a search of it to be costly ({@link OnePassSearch#COSTLY_DOCS}). */
    static final int ARTICLES = (int) OnePassSearch.COSTLY_DOCS + 1_000;

    @BeforeAll
    static void fill() throws IOException {
        index = ArchiveIndex.open(dir.resolve("index"));
        for (int i = 0; i < ARTICLES; i++) {
            String who = i % 3 == 0 ? "Ana Morales" : i % 3 == 1 ? "Ruth Baker" : "Li Wei";
            index.upsert(article(String.valueOf(i), "Harbour report " + i, String.format("1987-%02d-01", 1 + i % 12),
                    "The harbour workers met again" + (i % 7 == 0 ? " at the dock." : "."), List.of(person(who)), List.of(), List.of()));
        }
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static CountCache counts() {
        return index.search(ArchiveSearch::countsOf);
    }

    @Test
    void the_next_page_and_a_clicked_facet_value_reuse_the_counts_and_answer_as_from_scratch() {
        ArchiveSearch kept = new ArchiveSearch(index);
        ArchiveSearch scratch = new ArchiveSearch(index);
        scratch.reuseCounts(false);
        kept.forgetCounts();
        SearchRequest first = SearchRequest.of("harbour workers");
        SearchRequest clicked = new SearchRequest("harbour workers", List.of("Ruth Baker"), List.of(), null, null, List.of(),
                SortOrder.RELEVANCE, 1, 10, null);
        for (SearchRequest request : List.of(first, first.nextPage(), clicked, clicked.nextPage())) {
            long before = counts().reused();
            SearchResult reused = kept.search(request);
            SearchResult fresh = scratch.search(request);
            assertThat(without(reused)).as(request.toString()).isEqualTo(without(fresh));
            assertThat(counts().reused() - before).as(request.toString()).isEqualTo(request == first ? 0 : 1);
        }
        assertThat(kept.search(clicked).facets().get("actor")).extracting(FacetValue::value)
                .containsExactly("Ana Morales", "Li Wei", "Ruth Baker"); // the sideways counts: every actor stays visible
        assertThat(counts().size()).isEqualTo(2);
        KeptCounts shown = kept.keptCounts(); // as the server's metrics show them
        assertThat(shown.searches()).isEqualTo(2);
        assertThat(shown.bytes()).isEqualTo(counts().snapshot().bytes()).isPositive();
        assertThat(shown.reused()).isEqualTo(counts().reused()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_actor_box_reads_the_kept_counts_and_answers_as_from_scratch() {
        ArchiveSearch kept = new ArchiveSearch(index);
        FacetBrowser browser = new FacetBrowser(index);
        SearchRequest clicked = new SearchRequest("harbour workers", List.of("Ruth Baker"), List.of(), null, null, List.of(),
                SortOrder.RELEVANCE, 1, 10, null);
        for (SearchRequest request : List.of(SearchRequest.of("harbour workers"), clicked)) {
            for (String dim : List.of("actor", "format")) {
                for (String prefix : List.of("", "r", "wei", "TX", "nobody")) {
                    kept.forgetCounts();
                    List<FacetValue> fresh = browser.values(dim, prefix, request, 30); // nothing kept: counted, then kept
                    kept.search(request);
                    long before = counts().reused();
                    List<FacetValue> reused = browser.values(dim, prefix, request, 30);
                    assertThat(counts().reused()).as("%s %s %s", request, dim, prefix).isEqualTo(before + 1);
                    assertThat(reused).as("%s %s %s", request, dim, prefix).isEqualTo(fresh);
                    if (prefix.isEmpty()) {
                        assertThat(reused).as("%s %s", request, dim).isEqualTo(lucene(dim, request));
                    }
                }
            }
        }
        // sideways: with Ruth Baker chosen, the box still offers the other actors, with their counts
        assertThat(browser.values("actor", "", clicked, 30)).extracting(FacetValue::value)
                .containsExactly("Ana Morales", "Li Wei", "Ruth Baker");
    }

    @Test
    void a_search_too_cheap_to_count_again_is_not_kept() {
        ArchiveSearch kept = new ArchiveSearch(index);
        kept.forgetCounts();
        kept.search(SearchRequest.of("dock"));
        kept.search(SearchRequest.of("\"harbour report 12\""));
        assertThat(counts().size()).isZero();
    }

    @Test
    void after_an_ingest_the_counts_are_counted_again() throws IOException {
        ArchiveSearch kept = new ArchiveSearch(index);
        SearchRequest request = SearchRequest.of("harbour");
        SearchResult before = kept.search(request);
        Article added = article(String.valueOf(ARTICLES + 1), "Harbour news", "1987-05-05", "The harbour again.",
                List.of(person("Kofi Mensah")), List.of(), List.of());
        index.upsert(added);
        index.commit();
        try {
            SearchResult after = kept.search(request);
            assertThat(after.total()).isEqualTo(before.total() + 1);
            assertThat(after.facets().get("actor")).extracting(FacetValue::value).contains("Kofi Mensah");
        } finally {
            index.delete(added.id());
            index.commit();
        }
    }

    /** Lucene's own counts of a flat dimension for a request, drill-sideways, most frequent first. */
    static List<FacetValue> lucene(String dim, SearchRequest request) {
        return index.search(searcher -> {
            try {
                Query base = ArchiveSearch.articles(new UserQueryParser().parse(request.q()));
                FacetsCollector hits = searcher.search(ArchiveSearch.withFilters(base, ArchiveSearch.filters(request), dim),
                        new FacetsCollectorManager());
                FacetResult all = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits).getAllChildren(dim);
                return Arrays.stream(all.labelValues)
                        .map(lv -> new FacetValue(lv.label, dim.equals("actor") ? searcher.actorType(lv.label) : null, null, lv.value.longValue()))
                        .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A result without its time taken. */
    private static SearchResult without(SearchResult r) {
        return new SearchResult(r.total(), 0, r.hits(), r.facets(), r.nextCursor());
    }
}
