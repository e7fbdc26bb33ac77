package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.stacks.api.ApiAssertions.assertBadParameter;
import static dev.stacks.api.ApiAssertions.assertJson;
import static dev.stacks.api.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/export in its five formats and GET /api/v1/concordance, parsed as a client would. */
class ApiExportTest {
    static final String HEADER = "id,title,date,actors,locations,source,format,permalink";

    @TempDir
    static Path dir;
    static TestServer server;
    static String coffee;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withSamples(dir);
        coffee = server.idOf("coffee-harvest-huila.txt");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static HttpResponse<String> export(String query) {
        HttpResponse<String> response = server.get("/api/v1/export?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void csv_is_a_header_and_one_rfc_4180_row_per_document_in_sort_order() {
        HttpResponse<String> response = export("format=csv&sort=date");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"stacks-export.csv\"; filename*=UTF-8''stacks-export.csv");
        List<List<String>> rows = csv(response.body());
        assertThat(String.join(",", rows.get(0))).isEqualTo(HEADER);
        assertThat(rows).hasSize(17);
        assertThat(rows.subList(1, 17)).allSatisfy(row -> assertThat(row).hasSize(8));
        List<String> first = rows.get(1);
        assertThat(first.get(2)).isEqualTo("1889-11-16");
        assertThat(first.get(5)).isEqualTo("fire-geelong-1889.txt");
        assertThat(first.get(6)).isEqualTo("txt");
        assertThat(first.get(7)).isEqualTo(server.base() + "/?doc=" + first.get(0));
    }

    @Test
    void csv_rows_join_actors_and_location_paths_and_follow_the_filters() {
        List<List<String>> rows = csv(export("format=csv&q=harvest&actor=" + ApiSearchTest.enc("Luz Marina Perdomo")).body());
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo(coffee);
        assertThat(row.get(3)).startsWith("Andrés Felipe Cárdenas; Luz Marina Perdomo; ");
        assertThat(row.get(4)).startsWith("Colombia; Colombia/Huila; Colombia/Huila/Pitalito");
        assertThat(csv(export("format=csv&docFormat=pdf").body())).hasSize(3);
    }

    @Test
    void jsonl_is_one_json_object_per_line() {
        HttpResponse<String> response = export("format=jsonl&location=Germany");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode row = TestServer.parse(line);
            Schemas.assertValid(row, "ExportLine");
            assertThat(texts(row.path("locations"), "x")).isNotEmpty();
        }
        assertThat(texts(TestServer.parse(lines[0]).path("actors"), "name")).isNotEmpty();
    }

    @Test
    void csl_json_is_one_array_of_newspaper_articles() {
        HttpResponse<String> response = export("format=csl-json&q=harvest");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.citationstyles.csl+json; charset=utf-8");
        JsonNode items = TestServer.parse(response.body());
        assertThat(items.isArray()).isTrue();
        assertThat(items).hasSize(2);
        items.forEach(item -> Schemas.assertValid(item, "CslItem"));
        JsonNode item = items.path(0);
        assertThat(item.path("id").asText()).isEqualTo(coffee);
        assertThat(item.path("issued").toString()).isEqualTo("{\"date-parts\":[[2019,4,12]]}");
        assertThat(item.path("container-title").asText()).isEqualTo("coffee-harvest-huila.txt");
        assertThat(TestServer.parse(export("format=csl-json&q=zzzzzz").body()).isEmpty()).isTrue();
    }

    @Test
    void bibtex_is_one_article_entry_per_document() {
        String bib = export("format=bibtex&q=harvest").body();
        Matcher entries = Pattern.compile("@article\\{stacks_([0-9a-f]{16}),\n((?:  [a-z]+ = \\{[^\n]*\\},?\n)+)\\}\n").matcher(bib);
        List<String> ids = new ArrayList<>();
        String coffeeFields = null;
        while (entries.find()) {
            ids.add(entries.group(1));
            if (entries.group(1).equals(coffee)) {
                coffeeFields = entries.group(2);
            }
        }
        assertThat(ids).hasSize(2).contains(coffee);
        assertThat(coffeeFields).isEqualTo("  title = {coffee-harvest-huila},\n  year = {2019},\n  month = {4},\n"
                + "  note = {coffee-harvest-huila.txt},\n  url = {" + server.base() + "/?doc=" + coffee + "}\n");
    }

    @Test
    void ris_is_one_news_record_per_document() {
        String ris = export("format=ris&q=harvest").body();
        String[] records = ris.split("ER  - \r\n\r\n");
        assertThat(records).hasSize(2);
        for (String record : records) {
            String[] lines = record.split("\r\n");
            assertThat(lines[0]).isEqualTo("TY  - NEWS");
            assertThat(lines).allSatisfy(line -> assertThat(line).matches("[A-Z][A-Z0-9]  - .*"));
        }
        assertThat(records[0]).contains("ID  - " + coffee + "\r\n", "DA  - 2019/04/12\r\n", "KW  - Luz Marina Perdomo\r\n");
    }

    @Test
    void a_bad_export_request_is_a_400_problem_not_a_broken_file() {
        assertBadParameter(server.get("/api/v1/export?format=xlsx"), "format");
        assertBadParameter(server.get("/api/v1/export?format=csv&q=" + ApiSearchTest.enc("harvest AND")), "q");
        assertBadParameter(server.get("/api/v1/export?format=ris&from=soon"), "from");
        assertBadParameter(server.get("/api/v1/export?sort=best"), "sort");
    }

    @Test
    void the_concordance_lists_each_occurrence_with_its_context() {
        JsonNode result = assertJson(server.get("/api/v1/concordance?q=harvest&context=20"), "Concordance");
        assertThat(result.path("total").asInt()).isEqualTo(result.path("lines").size()).isGreaterThan(2);
        JsonNode line = result.path("lines").path(0);
        assertThat(line.path("documentId").asText()).isEqualTo(coffee);
        assertThat(line.path("left").asText()).isEqualTo("ila's mitaca coffee ");
        assertThat(line.path("match").asText()).isEqualTo("harvest");
        assertThat(line.path("right").asText()).isEqualTo(" as growers count lo");
        assertThat(line.path("start").asInt()).isEqualTo(34);
        assertThat(line.path("end").asInt()).isEqualTo(41);
        assertThat(assertJson(server.get("/api/v1/concordance?q=harvest&lines=2"), "Concordance").path("lines")).hasSize(2);
    }

    @Test
    void the_concordance_as_csv_has_a_header_and_one_row_per_line() {
        HttpResponse<String> response = server.get("/api/v1/concordance?q=harvest&format=csv&context=20");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        List<List<String>> rows = csv(response.body());
        assertThat(String.join(",", rows.get(0))).isEqualTo("documentId,title,date,left,match,right,start,end");
        assertThat(rows.get(1)).containsExactly(coffee, "coffee-harvest-huila", "2019-04-12", "ila's mitaca coffee ", "harvest",
                " as growers count lo", "34", "41");
        int lines = server.json("/api/v1/concordance?q=harvest&context=20").path("total").asInt();
        assertThat(rows).hasSize(lines + 1);
    }

    @Test
    void the_concordance_needs_a_query_and_bounded_numbers() {
        assertBadParameter(server.get("/api/v1/concordance"), "q");
        assertBadParameter(server.get("/api/v1/concordance?q=*"), "q");
        assertBadParameter(server.get("/api/v1/concordance?q=harvest&format=xml"), "format");
        assertBadParameter(server.get("/api/v1/concordance?q=harvest&docs=0"), "docs");
        assertBadParameter(server.get("/api/v1/concordance?q=harvest&lines=10001"), "lines");
        assertBadParameter(server.get("/api/v1/concordance?q=harvest&context=201"), "context");
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end in CRLF. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length()).as("the last row ends in CRLF").isZero();
        assertThat(row).isEmpty();
        return rows;
    }
}
