package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.stacks.api.ApiAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the server itself: the routes Javalin really has, the bounds and
 * enums the handlers really enforce, and (in the other API tests) the bodies they really send.
 */
class OpenApiTest {
    static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    @TempDir
    static Path dir;
    static TestServer server;
    static JsonNode spec;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withSamples(dir);
        spec = TestServer.parse(server.get("/api/v1/openapi.json").body());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void the_document_is_served_as_json_with_an_etag_and_is_openapi_3_1() throws IOException {
        HttpResponse<byte[]> response = server.getBytes("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        try (InputStream in = OpenApi.class.getResourceAsStream(OpenApi.RESOURCE)) {
            assertThat(response.body()).isEqualTo(in.readAllBytes());
        }
        assertThat(spec.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(spec.path("info").path("title").asText()).isEqualTo("Stacks API");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/api/v1/openapi.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void every_route_the_server_has_is_documented_and_every_documented_route_exists() {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint e : server.app.unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.isHttpMethod()) {
                routes.add(e.endpoint.method.name().toUpperCase(Locale.ROOT) + " " + e.endpoint.path);
            }
        }
        assertThat(routes).hasSize(15);
        assertThat(documentedOperations()).isEqualTo(routes);
    }

    @Test
    void every_reference_resolves_and_every_schema_is_used() {
        Set<String> refs = new HashSet<>();
        collectRefs(spec, refs);
        for (String ref : refs) {
            JsonNode target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
        for (Iterator<String> names = spec.path("components").path("schemas").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(refs).as("schema %s is referenced", name).contains("#/components/schemas/" + name);
        }
    }

    @Test
    void every_operation_has_an_id_a_success_path_parameters_and_problem_bodies_for_errors() {
        Set<String> ids = new HashSet<>();
        forEachOperation((path, method, op, pathItem) -> {
            String name = method + " " + path;
            assertThat(ids.add(op.path("operationId").asText())).as("unique operationId of %s", name).isTrue();
            assertThat(op.path("summary").asText()).as(name).isNotBlank();
            List<String> statuses = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(name).anyMatch(s -> s.startsWith("2"));
            for (String status : statuses) {
                JsonNode response = Schemas.resolve(op.path("responses").path(status));
                assertThat(response.path("headers").has("X-Request-Id") || status.equals("304") && response.path("headers").has("X-Request-Id"))
                        .as("%s %s documents X-Request-Id", name, status).isTrue();
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref").asText())
                            .as("%s %s is a problem", name, status).isEqualTo("#/components/schemas/Problem");
                }
            }
            Matcher templates = Pattern.compile("\\{([a-z]+)}").matcher(path);
            while (templates.find()) {
                assertThat(parameters(op, pathItem)).as(name).anySatisfy(p -> {
                    assertThat(p.path("in").asText()).isEqualTo("path");
                    assertThat(p.path("name").asText()).isEqualTo(templates.group(1));
                    assertThat(p.path("required").asBoolean()).isTrue();
                });
            }
            boolean write = method.equals("POST") || method.equals("DELETE");
            assertThat(op.has("security")).as("%s needs the bearer key", name).isEqualTo(write);
            if (write) {
                assertThat(op.path("security").path(0).has("bearer")).isTrue();
                assertThat(statuses).contains("401", "403", "429");
            }
        });
        assertThat(spec.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void every_documented_bound_and_enum_of_a_query_parameter_is_enforced_with_a_400_naming_it() {
        String id = server.idOf("coffee-harvest-huila.txt");
        List<String> checked = new ArrayList<>();
        forEachOperation((path, method, op, pathItem) -> {
            if (!method.equals("GET")) {
                return;
            }
            String base = path.replace("{id}", id).replace("{dim}", "actor") + "?" + (path.endsWith("/concordance") ? "q=harvest&" : "");
            for (JsonNode p : parameters(op, pathItem)) {
                if (!p.path("in").asText().equals("query")) {
                    continue;
                }
                String name = p.path("name").asText();
                JsonNode schema = p.path("schema");
                List<String> bad = new ArrayList<>();
                if (schema.has("maximum")) {
                    bad.add(String.valueOf(schema.path("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    bad.add(String.valueOf(schema.path("minimum").asLong() - 1));
                }
                if (schema.has("enum")) {
                    bad.add("no-such-value");
                }
                if (schema.has("maxLength")) {
                    bad.add("a".repeat(schema.path("maxLength").asInt() + 1));
                }
                if (schema.has("pattern")) {
                    bad.add("someday");
                }
                if (schema.has("minLength")) {
                    bad.add("");
                }
                for (String value : bad) {
                    String url = base.replace("q=harvest&", name.equals("q") ? "" : "q=harvest&") + name + "=" + value;
                    assertBadParameter(server.get(url), name);
                    checked.add(path + " " + name + "=" + (value.length() > 10 ? value.substring(0, 10) + "…" : value));
                }
            }
        });
        assertThat(checked).hasSizeGreaterThan(30);
    }

    @Test
    void the_schema_check_refuses_a_field_the_document_does_not_list() {
        List<String> errors = new ArrayList<>();
        Schemas.check(TestServer.parse("{\"status\":\"ok\",\"documents\":1,\"secret\":true}"),
                spec.path("components").path("schemas").path("Health"), "$", errors);
        assertThat(errors).containsExactly("$: undocumented field secret");
        errors.clear();
        Schemas.check(TestServer.parse("{\"status\":\"ok\"}"), spec.path("components").path("schemas").path("Health"), "$", errors);
        assertThat(errors).containsExactly("$: missing documents");
    }

    @Test
    void the_api_page_describes_every_documented_operation() throws IOException {
        String page = Files.readString(TestServer.WEB.resolve("api.html"), StandardCharsets.UTF_8);
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertThat(page).as(operation).contains("<span class=\"method\">" + method + "</span> <span class=\"path\">" + path + "</span>");
        }
        assertThat(page).doesNotContain("<script>", "style=");
    }

    // ----

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation, JsonNode pathItem);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    visitor.visit(path.getKey(), op.getKey().toUpperCase(Locale.ROOT), op.getValue(), path.getValue());
                }
            }
        }
    }

    private static Set<String> documentedOperations() {
        Set<String> documented = new TreeSet<>();
        forEachOperation((path, method, op, item) -> documented.add(method + " " + path));
        return documented;
    }

    /** The operation's parameters and its path item's, references resolved. */
    private static List<JsonNode> parameters(JsonNode op, JsonNode pathItem) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(p -> all.add(Schemas.resolve(p)));
        op.path("parameters").forEach(p -> all.add(Schemas.resolve(p)));
        return all;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
