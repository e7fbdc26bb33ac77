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

    /** A page of a search: query, filters, sort, page, size and cursor. */
    static SearchRequest searchRequest(Context ctx) {
        return new SearchRequest(ctx.queryParam("q"), list(ctx, "actor"), list(ctx, "location"), ctx.queryParam("from"),
                ctx.queryParam("to"), list(ctx, "format"), SortOrder.parse(ctx.queryParam("sort")),
                intParam(ctx, "page", 1), intParam(ctx, "size", 10), ctx.queryParam("cursor"));
    }

    /**
     * The query, filters and sort of a search without its paging, for what covers the whole result
     * set (facet values, the timeline). {@code size} there means something else, or nothing.
     */
    static SearchRequest resultSet(Context ctx) {
        return resultSet(ctx, list(ctx, "format"));
    }

    /**
     * As {@link #resultSet(Context)} for export and concordance, where {@code format} names the
     * output format: the document format filter is then {@code docFormat}.
     */
    static SearchRequest resultSetWithOutputFormat(Context ctx) {
        return resultSet(ctx, list(ctx, "docFormat"));
    }

    private static SearchRequest resultSet(Context ctx, List<String> formats) {
        return new SearchRequest(ctx.queryParam("q"), list(ctx, "actor"), list(ctx, "location"), ctx.queryParam("from"),
                ctx.queryParam("to"), formats, SortOrder.parse(ctx.queryParam("sort")), 1, 1, null);
    }

    /** The optional query {@code q}, at most {@link SearchRequest#MAX_QUERY_LENGTH} characters. */
    static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.strip().length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("q", "the query is " + q.strip().length() + " characters long; the limit is "
                    + SearchRequest.MAX_QUERY_LENGTH);
        }
        return q;
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

    /** A whole number, or the default when absent; the record that receives it checks the range. */
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

    /** A whole number between {@code min} and {@code max}, or the default when absent. */
    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        int value = intParam(ctx, name, defaultValue);
        if (value < min || value > max) {
            throw ApiException.badRequest(name, name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
