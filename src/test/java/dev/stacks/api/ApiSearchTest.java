package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.stacks.api.ApiAssertions.assertBadParameter;
import static dev.stacks.api.ApiAssertions.assertJson;
import static dev.stacks.api.ApiAssertions.assertProblem;
import static dev.stacks.api.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/search and /api/v1/quotes over the sixteen samples, through a real server. */
class ApiSearchTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withSamples(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static JsonNode search(String query) {
        return assertJson(server.get("/api/v1/search?" + query), "SearchResult");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void an_empty_query_matches_every_document_with_ten_hits_a_page_and_a_cursor() {
        JsonNode result = search("q=");
        assertThat(result.path("total").asLong()).isEqualTo(16);
        assertThat(result.path("hits")).hasSize(10);
        assertThat(result.path("nextCursor").isTextual()).isTrue();
        assertThat(search("q=*").path("total").asLong()).isEqualTo(16);
        assertThat(search("").path("total").asLong()).isEqualTo(16);
    }

    @Test
    void a_phrase_finds_its_article_with_the_phrase_marked_in_the_snippet_and_its_offsets() {
        JsonNode result = search("q=" + enc("\"coffee harvest\""));
        assertThat(result.path("total").asLong()).isEqualTo(1);
        JsonNode hit = result.path("hits").path(0);
        assertThat(hit.path("source").path("name").asText()).isEqualTo("coffee-harvest-huila.txt");
        assertThat(hit.path("date").asText()).isEqualTo("2019-04-12");
        assertThat(hit.path("snippets").path(0).asText()).startsWith("Rains delay Huila&#39;s mitaca <mark>coffee harvest</mark> as growers");
        assertThat(hit.path("matches").path(0).path("start").asInt()).isEqualTo(27);
        assertThat(hit.path("matches").path(0).path("end").asInt()).isEqualTo(41);
        assertThat(hit.path("score").isNumber()).isTrue();
        assertThat(texts(hit.path("actors"), "name")).contains("Luz Marina Perdomo", "National Federation of Coffee Growers of Colombia");
        assertThat(hit.path("locations").path(1).path("path").asText()).isEqualTo("Colombia/Huila");
    }

    @Test
    void curly_quotes_make_the_same_phrase_as_straight_ones() {
        assertThat(search("q=" + enc("“coffee harvest”")).path("hits").path(0).path("id").asText())
                .isEqualTo(server.idOf("coffee-harvest-huila.txt"));
    }

    @Test
    void facets_count_actors_with_their_type_locations_dates_and_formats_of_the_whole_result_set() {
        JsonNode facets = search("q=&size=1").path("facets");
        JsonNode format = facets.path("format");
        assertThat(texts(format, "value")).containsExactly("txt", "html", "docx", "md", "pdf", "eml", "odt", "rtf");
        assertThat(format.path(0).path("count").asLong()).isEqualTo(4);
        JsonNode germany = find(facets.path("location"), "Germany");
        assertThat(germany.path("count").asLong()).isEqualTo(2);
        assertThat(germany.path("path").asText()).isEqualTo("Germany");
        JsonNode year2019 = find(facets.path("date"), "2019");
        assertThat(year2019.path("count").asLong()).isEqualTo(2);
        assertThat(texts(facets.path("date"), "value")).startsWith("1889", "1968", "1974");
        JsonNode actor = search("q=" + enc("\"coffee harvest\"")).path("facets").path("actor");
        assertThat(find(actor, "Luz Marina Perdomo").path("type").asText()).isEqualTo("person");
        assertThat(find(actor, "Cooperativa Cafetera del Sur del Huila").path("type").asText()).isEqualTo("organisation");
    }

    @Test
    void a_location_filter_takes_the_place_and_everything_under_it() {
        assertThat(sourceNames(search("location=Mexico"))).containsExactlyInAnyOrder("archaeology-oaxaca.html", "referendum-guadalajara.docx");
        assertThat(sourceNames(search("location=" + enc("Mexico/Jalisco")))).containsExactly("referendum-guadalajara.docx");
    }

    @Test
    void values_of_one_filter_are_alternatives_and_different_filters_all_apply() {
        assertThat(search("location=Mexico&location=Germany").path("total").asLong()).isEqualTo(4);
        assertThat(sourceNames(search("location=Mexico&location=Germany&format=html")))
                .containsExactlyInAnyOrder("archaeology-oaxaca.html", "tech-layoffs-munich.html");
        assertThat(sourceNames(search("actor=" + enc("Luz Marina Perdomo")))).containsExactly("coffee-harvest-huila.txt");
    }

    @Test
    void a_filtered_dimension_keeps_the_counts_of_its_other_values() {
        JsonNode result = search("location=Mexico");
        assertThat(result.path("total").asLong()).isEqualTo(2);
        assertThat(find(result.path("facets").path("location"), "Germany").path("count").asLong()).isEqualTo(2);
        assertThat(find(result.path("facets").path("format"), "txt").isMissingNode()).isTrue();
    }

    @Test
    void a_date_range_takes_partial_dates_as_whole_periods() {
        assertThat(sourceNames(search("from=2019&to=2019")))
                .containsExactlyInAnyOrder("coffee-harvest-huila.txt", "football-transfer-porto.html");
        assertThat(sourceNames(search("from=2019-02&to=2019-04-12"))).containsExactly("coffee-harvest-huila.txt");
        assertThat(search("to=1970").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void sort_by_date_runs_oldest_first_and_minus_date_newest_first_without_scores() {
        JsonNode oldest = search("sort=date&size=3");
        assertThat(texts(oldest.path("hits"), "date")).containsExactly("1889-11-16", "1968-03-12", "1974-09-12");
        assertThat(oldest.path("hits").path(0).path("score").isNull()).isTrue();
        assertThat(texts(search("sort=-date&size=2").path("hits"), "date")).containsExactly("2025-07-08", "2024-03-21");
    }

    @Test
    void pages_follow_each_other_without_overlap_and_the_last_has_no_cursor() {
        List<String> page1 = texts(search("sort=date&size=6&page=1").path("hits"), "id");
        List<String> page2 = texts(search("sort=date&size=6&page=2").path("hits"), "id");
        JsonNode last = search("sort=date&size=6&page=3");
        assertThat(page1).hasSize(6).doesNotContainAnyElementsOf(page2);
        assertThat(page2).hasSize(6);
        assertThat(last.path("hits")).hasSize(4);
        assertThat(last.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void following_next_cursor_visits_every_document_once_in_order() {
        List<String> dates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            JsonNode page = search("sort=date&size=5" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("hits").forEach(h -> {
                ids.add(h.path("id").asText());
                dates.add(h.path("date").asText());
            });
            if (page.path("nextCursor").isNull()) {
                break;
            }
            cursor = page.path("nextCursor").asText();
        }
        assertThat(ids).hasSize(16);
        assertThat(dates).hasSize(16).isSorted();
    }

    @Test
    void bad_paging_sorting_dates_and_query_syntax_are_400s_naming_the_parameter() {
        assertBadParameter(server.get("/api/v1/search?size=0"), "size");
        assertBadParameter(server.get("/api/v1/search?size=101"), "size");
        assertBadParameter(server.get("/api/v1/search?size=ten"), "size");
        assertBadParameter(server.get("/api/v1/search?page=0"), "page");
        assertBadParameter(server.get("/api/v1/search?page=100000&size=100"), "page");
        assertBadParameter(server.get("/api/v1/search?sort=newest"), "sort");
        assertBadParameter(server.get("/api/v1/search?from=1987-13"), "from");
        assertBadParameter(server.get("/api/v1/search?to=yesterday"), "to");
        assertBadParameter(server.get("/api/v1/search?from=2020&to=2019"), "from");
        assertBadParameter(server.get("/api/v1/search?cursor=not-a-cursor"), "cursor");
        JsonNode syntax = assertBadParameter(server.get("/api/v1/search?q=" + enc("harvest AND")), "q");
        assertThat(syntax.path("detail").asText()).startsWith("query syntax error at column");
        assertBadParameter(server.get("/api/v1/search?q=" + enc("title:(coffee")), "q");
    }

    @Test
    void a_query_over_2000_characters_is_a_400() {
        JsonNode problem = assertBadParameter(server.get("/api/v1/search?q=" + "a".repeat(2001)), "q");
        assertThat(problem.path("detail").asText()).isEqualTo("the query is 2001 characters long; the limit is 2000");
    }

    @Test
    void quotes_are_found_by_their_words_with_speaker_article_date_and_offsets() {
        JsonNode result = assertJson(server.get("/api/v1/quotes?q=rain"), "QuoteResult");
        assertThat(result.path("total").asLong()).isEqualTo(1);
        JsonNode hit = result.path("hits").path(0);
        assertThat(hit.path("text").asText()).isEqualTo("The rain came every afternoon for");
        assertThat(hit.path("speaker").asText()).isEqualTo("Luz Marina Perdomo");
        assertThat(hit.path("documentId").asText()).isEqualTo(server.idOf("coffee-harvest-huila.txt"));
        assertThat(hit.path("date").asText()).isEqualTo("2019-04-12");
        String text = server.json("/api/v1/documents/" + hit.path("documentId").asText()).path("text").asText();
        assertThat(text.substring(hit.path("start").asInt(), hit.path("end").asInt())).isEqualTo("The rain came every afternoon for");
    }

    @Test
    void quotes_of_one_speaker_sorted_earliest_first() {
        JsonNode result = assertJson(server.get("/api/v1/quotes?speaker=" + enc("Kari Nordvik Lunde") + "&sort=earliest"), "QuoteResult");
        assertThat(texts(result.path("hits"), "text"))
                .containsExactlyInAnyOrder("well above where we want it", "We have come a long way", "We set policy for Norway. What");
        assertThat(texts(result.path("hits"), "speaker")).containsOnly("Kari Nordvik Lunde");
        assertThat(result.path("hits").path(0).path("score").isNull()).isTrue();
        JsonNode everyone = assertJson(server.get("/api/v1/quotes?sort=earliest&size=1"), "QuoteResult");
        assertThat(everyone.path("hits").path(0).path("date").asText()).isEqualTo("1889-11-16");
    }

    @Test
    void quotes_reject_bad_paging_and_sorting() {
        assertBadParameter(server.get("/api/v1/quotes?size=101"), "size");
        assertBadParameter(server.get("/api/v1/quotes?page=0"), "page");
        assertBadParameter(server.get("/api/v1/quotes?sort=loudest"), "sort");
        assertBadParameter(server.get("/api/v1/quotes?from=March"), "from");
        assertBadParameter(server.get("/api/v1/quotes?q=" + enc("\"unclosed")), "q");
    }

    @Test
    void facet_values_drill_down_a_location_path() {
        JsonNode result = assertJson(server.get("/api/v1/facets/location?prefix=Mexico"), "FacetValues");
        assertThat(result.path("dim").asText()).isEqualTo("location");
        assertThat(result.path("prefix").asText()).isEqualTo("Mexico");
        assertThat(texts(result.path("values"), "path"))
                .containsExactly("Mexico/Mexico City", "Mexico/Jalisco", "Mexico/Nuevo León", "Mexico/Oaxaca", "Mexico/Puebla");
        assertThat(result.path("values").path(0).path("count").asLong()).isEqualTo(2);
        JsonNode jalisco = assertJson(server.get("/api/v1/facets/location?prefix=" + enc("Mexico/Jalisco") + "&size=2"), "FacetValues");
        assertThat(jalisco.path("values")).hasSize(2);
        assertThat(jalisco.path("values").path(0).path("path").asText()).startsWith("Mexico/Jalisco/");
    }

    @Test
    void facet_values_drill_down_a_year_into_its_months() {
        JsonNode result = assertJson(server.get("/api/v1/facets/date?prefix=2019"), "FacetValues");
        assertThat(texts(result.path("values"), "path")).containsExactly("2019/01", "2019/04");
    }

    @Test
    void actor_facet_values_start_with_the_prefix_in_any_word_ignoring_case() {
        JsonNode result = assertJson(server.get("/api/v1/facets/actor?prefix=perd"), "FacetValues");
        assertThat(texts(result.path("values"), "value")).containsExactly("Luz Marina Perdomo");
        assertThat(result.path("values").path(0).path("type").asText()).isEqualTo("person");
        JsonNode filtered = assertJson(server.get("/api/v1/facets/actor?prefix=luz&q=" + enc("dengue")), "FacetValues");
        assertThat(filtered.path("values")).isEmpty();
    }

    @Test
    void an_unknown_facet_is_a_404_and_a_bad_facet_size_a_400() {
        assertProblem(server.get("/api/v1/facets/colour"), 404);
        assertBadParameter(server.get("/api/v1/facets/actor?size=1001"), "size");
        assertBadParameter(server.get("/api/v1/facets/actor?size=0"), "size");
    }

    @Test
    void the_timeline_counts_documents_per_year_beside_all_documents_of_the_year() {
        JsonNode all = assertJson(server.get("/api/v1/timeline"), "Timeline");
        assertThat(all.path("interval").asText()).isEqualTo("year");
        assertThat(texts(all.path("buckets"), "period")).containsExactly("1889", "1968", "1974", "2004", "2010", "2012", "2015",
                "2016", "2017", "2019", "2021", "2022", "2023", "2024", "2025");
        JsonNode germany = assertJson(server.get("/api/v1/timeline?location=Germany"), "Timeline");
        assertThat(texts(germany.path("buckets"), "period")).containsExactly("2004", "2023");
        JsonNode football = assertJson(server.get("/api/v1/timeline?q=football"), "Timeline").path("buckets").path(0);
        assertThat(football.path("period").asText()).isEqualTo("2019");
        assertThat(football.path("count").asLong()).isEqualTo(1);
        assertThat(football.path("total").asLong()).isEqualTo(2);
        assertThat(football.path("normalized").asDouble()).isEqualTo(0.5);
    }

    @Test
    void the_timeline_by_month_and_a_bad_interval() {
        JsonNode months = assertJson(server.get("/api/v1/timeline?interval=month&from=2019&to=2019"), "Timeline");
        assertThat(months.path("interval").asText()).isEqualTo("month");
        assertThat(texts(months.path("buckets"), "period")).containsExactly("2019-01", "2019-04");
        assertBadParameter(server.get("/api/v1/timeline?interval=week"), "interval");
    }

    @Test
    void the_timeline_chooses_its_interval_when_asked_and_says_which() {
        JsonNode spread = assertJson(server.get("/api/v1/timeline?interval=auto"), "Timeline");
        assertThat(spread.path("interval").asText()).isEqualTo("year");
        assertThat(texts(spread.path("buckets"), "period")).contains("1889", "2025");
        JsonNode oneYear = assertJson(server.get("/api/v1/timeline?interval=auto&q=football"), "Timeline");
        assertThat(oneYear.path("interval").asText()).isEqualTo("month");
        assertThat(texts(oneYear.path("buckets"), "period")).containsExactly("2019-01");
    }

    @Test
    void similar_documents_leave_out_the_document_itself() {
        String id = server.idOf("coffee-harvest-huila.txt");
        JsonNode result = assertJson(server.get("/api/v1/documents/" + id + "/similar?size=3"), "Similar");
        assertThat(result.path("id").asText()).isEqualTo(id);
        assertThat(result.path("hits")).hasSize(3);
        assertThat(texts(result.path("hits"), "id")).doesNotContain(id);
        assertProblem(server.get("/api/v1/documents/0000000000000000/similar"), 404);
        assertProblem(server.get("/api/v1/documents/nope/similar"), 404);
        assertBadParameter(server.get("/api/v1/documents/" + id + "/similar?size=51"), "size");
    }

    @Test
    void stats_count_documents_by_format_and_outcome() {
        JsonNode stats = assertJson(server.get("/api/v1/stats"), "Stats");
        assertThat(stats.path("documents").asLong()).isEqualTo(16);
        assertThat(stats.path("byFormat").path("txt").asLong()).isEqualTo(4);
        assertThat(stats.path("byFormat").path("pdf").asLong()).isEqualTo(2);
        assertThat(stats.path("byOutcome").path("indexed").asLong()).isEqualTo(16);
        assertThat(stats.path("indexBytes").asLong()).isPositive();
        assertThat(stats.path("lastIngest").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    private static JsonNode find(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.path("value").asText().equals(value)) {
                return v;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> sourceNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.path("hits").forEach(h -> names.add(h.path("source").path("name").asText()));
        return names;
    }

    static HttpResponse<String> get(String path) {
        return server.get(path);
    }
}
