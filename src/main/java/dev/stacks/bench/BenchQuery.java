package dev.stacks.bench;

import dev.stacks.search.SearchRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One query of the mix: its kind (rare, medium, common, and, or, phrase, near), the filter it
 * carries (none, actor, location, date) and the request, which the HTTP clients send as the
 * same parameters to {@code GET /api/v1/search}.
 */
record BenchQuery(String kind, String filter, SearchRequest request) {

    /** The request's path and query string, parameters URL-encoded. */
    String httpPath() {
        StringBuilder b = new StringBuilder("/api/v1/search?q=").append(encode(request.q()))
                .append("&size=").append(request.size());
        request.actors().forEach(a -> b.append("&actor=").append(encode(a)));
        request.locations().forEach(l -> b.append("&location=").append(encode(l)));
        if (request.from() != null) {
            b.append("&from=").append(encode(request.from()));
        }
        if (request.to() != null) {
            b.append("&to=").append(encode(request.to()));
        }
        return b.toString();
    }

    /** The query as a person would read it in a report. */
    String describe() {
        StringBuilder b = new StringBuilder(kind).append('/').append(filter).append(": ").append(request.q());
        request.actors().forEach(a -> b.append(" [actor=").append(a).append(']'));
        request.locations().forEach(l -> b.append(" [location=").append(l).append(']'));
        if (request.from() != null) {
            b.append(" [").append(request.from()).append("..").append(request.to()).append(']');
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
