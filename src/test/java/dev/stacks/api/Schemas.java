package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks real responses against the schemas of the committed OpenAPI document, so that the
 * document cannot drift from what the server sends. The JSON Schema subset the document uses:
 * {@code $ref}, {@code anyOf}, {@code type} (one or a list), {@code properties}, {@code required}, {@code items},
 * {@code enum}, {@code minimum}, {@code maximum}, {@code additionalProperties}. Stricter than JSON
 * Schema on purpose: an object property that the schema does not list is an error unless the
 * schema allows {@code additionalProperties}, so every field sent is documented.
 */
final class Schemas {
    static final JsonNode OPENAPI = load();

    private Schemas() {
    }

    private static JsonNode load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(OpenApi.RESOURCE)) {
            return TestServer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a value matches the named schema under components/schemas. */
    static void assertValid(JsonNode value, String schemaName) {
        JsonNode schema = OPENAPI.path("components").path("schemas").path(schemaName);
        assertThat(schema.isMissingNode()).as("schema %s is documented", schemaName).isFalse();
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        assertThat(errors).as("%s against schema %s", value, schemaName).isEmpty();
    }

    static JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            JsonNode target = OPENAPI;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            assertThat(target.isMissingNode()).as("reference %s resolves", ref).isFalse();
            s = target;
        }
        return s;
    }

    static void check(JsonNode value, JsonNode rawSchema, String at, List<String> errors) {
        JsonNode schema = resolve(rawSchema);
        if (schema.has("anyOf")) {
            List<String> all = new ArrayList<>();
            for (JsonNode branch : schema.get("anyOf")) {
                List<String> branchErrors = new ArrayList<>();
                check(value, branch, at, branchErrors);
                if (branchErrors.isEmpty()) {
                    return;
                }
                all.addAll(branchErrors);
            }
            errors.add(at + ": matches no anyOf branch: " + all);
            return;
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) {
                schema.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(schema.get("type").asText());
            }
            if (types.stream().noneMatch(t -> is(value, t))) {
                errors.add(at + ": " + kind(value) + " is not " + types);
                return;
            }
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(at + ": " + value + " < " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(at + ": " + value + " > " + schema.get("maximum"));
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(at + ": missing " + required.asText());
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), errors);
                } else if (additional != null && additional.isObject()) {
                    check(field.getValue(), additional, at + "." + field.getKey(), errors);
                } else if (additional == null || !additional.asBoolean()) {
                    errors.add(at + ": undocumented field " + field.getKey());
                }
            }
        }
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
