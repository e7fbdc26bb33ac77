package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every API test shares: the problem body of an error, the schema of a body. */
final class ApiAssertions {
    private ApiAssertions() {
    }

    /**
     * Asserts an RFC 9457 problem with this status: the content type, every member, the request id
     * matching the header, a body that matches the documented schema and shows nothing internal.
     */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=utf-8");
        JsonNode problem = TestServer.parse(response.body());
        Schemas.assertValid(problem, "Problem");
        String title = Problems.titleFor(status);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.stacks.", "org.eclipse.", "io.javalin.", "java.");
        return problem;
    }

    /** As {@link #assertProblem(HttpResponse, int)}, for a 400 naming a parameter. */
    static JsonNode assertBadParameter(HttpResponse<String> response, String parameter) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("parameter").asText()).as(response.body()).isEqualTo(parameter);
        return problem;
    }

    /** Asserts a 200 JSON body matching a documented schema, and returns it. */
    static JsonNode assertJson(HttpResponse<String> response, String schema) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = TestServer.parse(response.body());
        Schemas.assertValid(body, schema);
        return body;
    }
}
