package dev.stacks.api;

import dev.stacks.search.SearchRequest;
import dev.stacks.search.SortOrder;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** Reads request parameters into search records; every bad value becomes a 400 naming the parameter. */
final class Params {
    private Params() {
    }

    static SearchRequest searchRequest(Context ctx) {
        return searchRequest(ctx, list(ctx, "format"));
    }

    /**
     * For export and concordance, where {@code format} names the output format: the document
     * format filter is then {@code docFormat}.
     */
    static SearchRequest searchRequestWithOutputFormat(Context ctx) {
        return searchRequest(ctx, list(ctx, "docFormat"));
    }

    private static SearchRequest searchRequest(Context ctx, List<String> formats) {
        return new SearchRequest(
                ctx.queryParam("q"),
                list(ctx, "actor"),
                list(ctx, "location"),
                ctx.queryParam("from"),
                ctx.queryParam("to"),
                formats,
                SortOrder.parse(ctx.queryParam("sort")),
                intParam(ctx, "page", 1),
                intParam(ctx, "size", 10),
                ctx.queryParam("cursor"));
    }

    /** A repeatable parameter; blank values are dropped. */
    static List<String> list(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            if (v != null && !v.isBlank()) {
                values.add(v.strip());
            }
        }
        return values;
    }

    static int intParam(Context ctx, String name, int defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, not '" + value + "'");
        }
    }
}
