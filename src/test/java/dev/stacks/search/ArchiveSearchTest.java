package dev.stacks.search;

import dev.stacks.enrich.Actor;
import dev.stacks.enrich.ActorType;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.PublicationDate;
import dev.stacks.enrich.Quote;
import dev.stacks.enrich.Source;
import dev.stacks.enrich.Span;
import dev.stacks.index.ArchiveIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search over a real Lucene index on disk, filled with hand-made articles. */
class ArchiveSearchTest {
    @TempDir
    static Path dir;
    static ArchiveIndex index;
    static ArchiveSearch search;

    static final String LONG_TAIL = "filler words about nothing in particular. ".repeat(2000)
            + "At the very end the inspector found the hidden ledger of the harbour company.";

    @BeforeAll
    static void fill() throws IOException {
        index = ArchiveIndex.open(dir.resolve("index"));
        search = new ArchiveSearch(index);
        index.upsert(article("a1", "Cartel leader killed in Jalisco", "1987-03-02",
                "Mexico's military killed the leader. \"The good guys are stronger than the bad guys,\" said Christopher Landau. "
                        + "Officials in Guadalajara confirmed the operation. The president’s office said nothing.",
                List.of(person("Christopher Landau"), org("Jalisco New Generation Cartel")),
                List.of(place("Mexico", "Jalisco", "Guadalajara")),
                List.of(new Quote("The good guys are stronger than the bad guys,", "Christopher Landau", 38, 84))));
        index.upsert(article("a2", "Coffee harvest falls short", "1987-07",
                "Growers in Huila said the rains came late. Landau was not mentioned. <script>alert(1)</script> is text here.",
                List.of(person("Ana Morales")),
                List.of(place("Colombia", "Huila")),
                List.of()));
        index.upsert(article("a3", "Port strike ends in Valparaíso", "2019-04-12",
                "Dock workers returned to work after a nine-day strike. Christopher Landau visited the port.",
                List.of(person("Christopher Landau"), org("Harbour Workers Union")),
                List.of(place("Chile", "Valparaíso", "Valparaíso")),
                List.of()));
        index.upsert(article("a4", "An undated memo", null,
                "A memo without any date about the harbour and the strike.", List.of(), List.of(), List.of()));
        index.upsert(article("a5", "A very long report", "1889-05-01", LONG_TAIL, List.of(), List.of(place("Mexico")), List.of()));
        for (int i = 0; i < 25; i++) {
            index.upsert(article(String.format("b%02d", i), "Market report " + i, "2001-01-" + String.format("%02d", i + 1),
                    "The market report number " + i + " mentions shares and bonds.", List.of(), List.of(), List.of()));
        }
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Article article(String key, String title, String date, String body, List<Actor> actors, List<Place> places, List<Quote> quotes) {
        String id = String.format("%16s", key).replace(' ', '0');
        PublicationDate d = date == null ? null : PublicationDate.parseIso(date, "test");
        return new Article(id, title, body, d, actors, places, quotes,
                new Source(key + ".txt", "text/plain", "txt", id.repeat(4), body.length()), false, null);
    }

    static Actor person(String name) {
        return new Actor(name, ActorType.PERSON, List.of(new Span(0, 1)));
    }

    static Actor org(String name) {
        return new Actor(name, ActorType.ORGANISATION, List.of(new Span(0, 1)));
    }

    static Place place(String... path) {
        return new Place(path[path.length - 1], List.of(path), List.of(new Span(0, 1)));
    }

    static SearchRequest request(String q, List<String> actors, List<String> locations, String from, String to, SortOrder sort) {
        return new SearchRequest(q, actors, locations, from, to, List.of(), sort, 1, 10, null);
    }

    static List<String> titles(SearchResult r) {
        return r.hits().stream().map(Hit::title).toList();
    }

    @Test
    void a_phrase_in_curly_quotes_finds_text_with_straight_quotes_and_marks_it_as_one_match() {
        SearchResult r = search.search(SearchRequest.of("“good guys are stronger than the bad guys”"));
        assertThat(titles(r)).containsExactly("Cartel leader killed in Jalisco");
        assertThat(r.hits().get(0).snippets().get(0)).contains("<mark>good guys are stronger than the bad guys</mark>");
        Match m = r.hits().get(0).matches().get(0);
        String body = search.document(r.hits().get(0).id(), null).orElseThrow().text();
        assertThat(body.substring(m.start(), m.end())).isEqualTo("good guys are stronger than the bad guys");
    }

    @Test
    void apostrophes_are_folded_so_straight_finds_curly() {
        assertThat(titles(search.search(SearchRequest.of("\"the president's office\"")))).containsExactly("Cartel leader killed in Jalisco");
        assertThat(titles(search.search(SearchRequest.of("presidents office")))).containsExactly("Cartel leader killed in Jalisco");
    }

    @Test
    void accents_are_folded() {
        assertThat(titles(search.search(SearchRequest.of("valparaiso")))).containsExactly("Port strike ends in Valparaíso");
    }

    @Test
    void all_words_are_required_by_default_and_OR_widens() {
        assertThat(titles(search.search(SearchRequest.of("harbour strike")))).containsExactly("An undated memo");
        assertThat(search.search(SearchRequest.of("harbour OR strike")).total()).isEqualTo(3);
    }

    @Test
    void fielded_queries_search_actors_places_quotes_and_speakers() {
        assertThat(search.search(SearchRequest.of("actor:landau")).total()).isEqualTo(2);
        assertThat(titles(search.search(SearchRequest.of("location:huila")))).containsExactly("Coffee harvest falls short");
        assertThat(titles(search.search(SearchRequest.of("quote:\"bad guys\"")))).containsExactly("Cartel leader killed in Jalisco");
        assertThat(titles(search.search(SearchRequest.of("speaker:landau")))).containsExactly("Cartel leader killed in Jalisco");
        assertThat(titles(search.search(SearchRequest.of("title:coffee")))).containsExactly("Coffee harvest falls short");
    }

    @Test
    void date_ranges_work_in_the_query_and_as_filters_with_partial_dates() {
        assertThat(titles(search.search(SearchRequest.of("date:[1987-03 TO 1987-06]")))).containsExactly("Cartel leader killed in Jalisco");
        assertThat(search.search(request("", List.of(), List.of(), "1987", "1987", SortOrder.DATE_ASC)).total()).isEqualTo(2);
        assertThat(titles(search.search(request("", List.of(), List.of(), null, "1899", SortOrder.RELEVANCE)))).containsExactly("A very long report");
    }

    @Test
    void a_syntax_error_says_what_and_where() {
        assertThatThrownBy(() -> search.search(SearchRequest.of("\"unclosed phrase")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> search.search(SearchRequest.of("(cartel OR strike")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void location_filters_match_every_place_below_a_path() {
        SearchResult r = search.search(request("", List.of(), List.of("Mexico"), null, null, SortOrder.DATE_ASC));
        assertThat(titles(r)).containsExactly("A very long report", "Cartel leader killed in Jalisco");
        assertThat(titles(search.search(request("", List.of(), List.of("Mexico/Jalisco"), null, null, SortOrder.RELEVANCE))))
                .containsExactly("Cartel leader killed in Jalisco");
    }

    @Test
    void actor_facets_are_typed_and_count_drill_sideways() {
        SearchResult all = search.search(SearchRequest.of(""));
        assertThat(all.facets().get("actor")).contains(
                new FacetValue("Christopher Landau", "person", null, 2),
                new FacetValue("Jalisco New Generation Cartel", "organisation", null, 1));

        SearchResult filtered = search.search(request("", List.of("Ana Morales"), List.of(), null, null, SortOrder.RELEVANCE));
        assertThat(titles(filtered)).containsExactly("Coffee harvest falls short");
        // the other actors' counts stay visible, so a second actor can be added
        assertThat(filtered.facets().get("actor")).contains(new FacetValue("Christopher Landau", "person", null, 2));
        // other dimensions count the filtered result set
        assertThat(filtered.facets().get("location")).containsExactly(new FacetValue("Colombia", null, "Colombia", 1));
    }

    @Test
    void date_facet_has_years_and_an_undated_bucket() {
        List<FacetValue> dates = search.search(SearchRequest.of("")).facets().get("date");
        assertThat(dates).extracting(FacetValue::value).containsExactly("1889", "1987", "2001", "2019", "undated");
        assertThat(dates).contains(new FacetValue("1987", null, "1987", 2));
    }

    @Test
    void sort_by_date_puts_undated_documents_last_both_ways() {
        SearchResult asc = search.search(request("harbour OR strike OR cartel", List.of(), List.of(), null, null, SortOrder.DATE_ASC));
        assertThat(titles(asc)).containsExactly("A very long report", "Cartel leader killed in Jalisco", "Port strike ends in Valparaíso", "An undated memo");
        SearchResult desc = search.search(request("harbour OR strike OR cartel", List.of(), List.of(), null, null, SortOrder.DATE_DESC));
        assertThat(titles(desc)).containsExactly("Port strike ends in Valparaíso", "Cartel leader killed in Jalisco", "A very long report", "An undated memo");
    }

    @Test
    void cursor_paging_visits_every_hit_once() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            SearchResult page = search.search(new SearchRequest("market", List.of(), List.of(), null, null, List.of(), SortOrder.RELEVANCE, 1, 7, cursor));
            page.hits().forEach(h -> {
                seen.add(h.id());
                order.add(h.id());
            });
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(order).hasSize(25);
        assertThat(seen).hasSize(25);
    }

    @Test
    void page_numbers_and_totals_agree() {
        SearchResult p1 = search.search(new SearchRequest("market", List.of(), List.of(), null, null, List.of(), SortOrder.DATE_ASC, 1, 10, null));
        SearchResult p3 = search.search(new SearchRequest("market", List.of(), List.of(), null, null, List.of(), SortOrder.DATE_ASC, 3, 10, null));
        assertThat(p1.total()).isEqualTo(25);
        assertThat(p1.hits().get(0).title()).isEqualTo("Market report 0");
        assertThat(p3.hits()).extracting(Hit::title).containsExactly("Market report 20", "Market report 21", "Market report 22",
                "Market report 23", "Market report 24");
        assertThat(p3.nextCursor()).isNull();
    }

    @Test
    void matches_far_into_a_long_document_are_found_highlighted_and_located() {
        SearchResult r = search.search(SearchRequest.of("\"hidden ledger\""));
        assertThat(titles(r)).containsExactly("A very long report");
        assertThat(r.hits().get(0).snippets().get(0)).contains("<mark>hidden ledger</mark>");
        Match m = r.hits().get(0).matches().get(0);
        assertThat(m.start()).isGreaterThan(50_000);
        assertThat(LONG_TAIL.substring(m.start(), m.end())).isEqualTo("hidden ledger");
    }

    @Test
    void snippets_escape_document_markup() {
        SearchResult r = search.search(SearchRequest.of("alert"));
        assertThat(r.hits().get(0).snippets().get(0)).contains("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void the_document_view_lists_every_match_of_a_query() {
        String id = search.search(SearchRequest.of("title:cartel")).hits().get(0).id();
        DocumentView view = search.document(id, "guys").orElseThrow();
        assertThat(view.matches()).hasSize(2);
        assertThat(view.matches()).allSatisfy(m -> assertThat(view.text().substring(m.start(), m.end())).isEqualTo("guys"));
        assertThat(view.quotes()).extracting(Quote::speaker).containsExactly("Christopher Landau");
        assertThat(search.document("ffffffffffffffff", null)).isEmpty();
    }

    @Test
    void an_export_walks_the_whole_result_set_in_order() {
        List<ExportRow> rows = new ArrayList<>();
        long n = new ResultWalker(index).export(new SearchRequest("market", List.of(), List.of(), null, null, List.of(),
                SortOrder.DATE_DESC, 1, 1, null), 1000, rows::add);
        assertThat(new ResultWalker(index).export(SearchRequest.of("market"), 1000, r -> { })).isEqualTo(25);
        assertThat(n).isEqualTo(25);
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).title()).isEqualTo("Market report 24");
        assertThat(rows.get(24).date()).isEqualTo("2001-01-01");
    }

    @Test
    void the_concordance_lists_each_occurrence_in_context() {
        List<ConcordanceLine> lines = new ResultWalker(index).concordance(SearchRequest.of("guys"), 10, 100, 10);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).match()).isEqualTo("guys");
        assertThat(lines.get(0).left()).isEqualTo("\"The good ");
    }

    @Test
    void quotes_are_searchable_by_words_and_speaker() {
        QuoteResult r = new QuoteSearch(index).search(new QuoteRequest("stronger", null, null, null, SortOrder.RELEVANCE, 1, 10));
        assertThat(r.hits()).extracting(QuoteHit::speaker).containsExactly("Christopher Landau");
        assertThat(r.hits().get(0).title()).isEqualTo("Cartel leader killed in Jalisco");
        assertThat(new QuoteSearch(index).search(new QuoteRequest("", "Christopher Landau", null, null, SortOrder.DATE_ASC, 1, 10)).total())
                .isEqualTo(1);
        assertThat(new QuoteSearch(index).search(new QuoteRequest("", "Ana Morales", null, null, SortOrder.DATE_ASC, 1, 10)).total())
                .isZero();
    }

    @Test
    void the_timeline_counts_hits_and_all_documents_per_period() {
        List<TimelineBucket> years = new Timeline(index).series(SearchRequest.of("landau"), Interval.YEAR).buckets();
        assertThat(years).containsExactly(new TimelineBucket("1987", 2, 2, 1.0), new TimelineBucket("2019", 1, 1, 1.0));
        List<TimelineBucket> months = new Timeline(index).series(SearchRequest.of(""), Interval.MONTH).buckets();
        assertThat(months).contains(new TimelineBucket("2001-01", 25, 25, 1.0), new TimelineBucket("1987-07", 1, 1, 1.0));
    }

    @Test
    void the_timeline_chooses_months_for_hits_within_two_years_and_years_otherwise() {
        TimelineSeries spread = new Timeline(index).series(SearchRequest.of("landau"), Interval.AUTO);
        assertThat(spread.interval()).isEqualTo(Interval.YEAR);
        assertThat(spread.buckets()).extracting(TimelineBucket::period).containsExactly("1987", "2019");

        TimelineSeries oneYear = new Timeline(index).series(SearchRequest.of("Valparaíso"), Interval.AUTO);
        assertThat(oneYear.interval()).isEqualTo(Interval.MONTH);
        assertThat(oneYear.buckets()).extracting(TimelineBucket::period).containsExactly("2019-04");

        TimelineSeries nothing = new Timeline(index).series(SearchRequest.of("zzzzqqq"), Interval.AUTO);
        assertThat(nothing).isEqualTo(new TimelineSeries(Interval.YEAR, List.of()));
    }

    @Test
    void facet_values_drill_down_places_and_filter_actors_by_prefix() {
        FacetBrowser browser = new FacetBrowser(index);
        assertThat(browser.values("location", "Mexico", SearchRequest.of(""), 10))
                .containsExactly(new FacetValue("Jalisco", null, "Mexico/Jalisco", 1));
        assertThat(browser.values("actor", "land", SearchRequest.of(""), 10))
                .containsExactly(new FacetValue("Christopher Landau", "person", null, 2));
        assertThat(browser.values("date", "2001", SearchRequest.of(""), 10))
                .containsExactly(new FacetValue("01", null, "2001/01", 25));
    }

    @Test
    void a_misspelt_or_shortened_quote_still_finds_its_article_and_exact_ranks_first() {
        assertThat(titles(search.search(SearchRequest.of("\"good guys are strnger than the bad guys\"")))).first()
                .isEqualTo("Cartel leader killed in Jalisco");
        assertThat(titles(search.search(SearchRequest.of("\"good guys are stronger the bad guys\"")))).first()
                .isEqualTo("Cartel leader killed in Jalisco");
        assertThat(titles(search.search(SearchRequest.of("dock workers returnd to work")))).first()
                .isEqualTo("Port strike ends in Valparaíso");
    }

    @Test
    void bad_parameters_are_refused_with_their_name() {
        assertThatThrownBy(() -> new SearchRequest("", List.of(), List.of(), null, null, List.of(), SortOrder.RELEVANCE, 1, 101, null))
                .isInstanceOf(InvalidRequestException.class).extracting("parameter").isEqualTo("size");
        assertThatThrownBy(() -> new SearchRequest("", List.of(), List.of(), "1987-13", null, List.of(), SortOrder.RELEVANCE, 1, 10, null))
                .isInstanceOf(InvalidRequestException.class).extracting("parameter").isEqualTo("from");
        assertThatThrownBy(() -> SortOrder.parse("newest")).isInstanceOf(InvalidRequestException.class);
    }
}
