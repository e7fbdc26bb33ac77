package dev.stacks.api;

import io.javalin.http.Context;

import java.util.concurrent.ThreadLocalRandom;

/** A short id per request, sent back in X-Request-Id and written in the request's log line. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "stacks.requestId";

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String of(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
