package dev.stacks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand annotations of the committed samples ({@code src/test/resources/gold/samples.jsonl}),
 * for tests that need exactly known actors, places, quotes and dates rather than what the
 * enricher happens to find.
 */
public final class GoldSamples {

    /**
     * One sample's annotations. {@code date} is null when the file gives none; each quote is
     * {start words, speaker or null}.
     */
    public record Gold(String date, List<String> people, List<String> organisations, List<String> locations,
                       List<String[]> quotes) {
    }

    private GoldSamples() {
    }

    /** The annotations by sample file name; empty when the resource is absent. */
    public static Map<String, Gold> read() {
        Map<String, Gold> out = new HashMap<>();
        try (InputStream in = GoldSamples.class.getResourceAsStream("/gold/samples.jsonl")) {
            if (in == null) {
                return out;
            }
            ObjectMapper json = new ObjectMapper();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<String[]> quotes = new ArrayList<>();
                n.path("quotes").forEach(q -> quotes.add(new String[] {q.path("start").asText(),
                        q.path("speaker").isNull() ? null : q.path("speaker").asText()}));
                out.put(n.path("file").asText(), new Gold(n.path("date").asText(null), strings(n.path("people")),
                        strings(n.path("organisations")), strings(n.path("locations")), quotes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
