package dev.stacks.api;

import io.javalin.http.Context;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A short id per request, sent back in X-Request-Id and written in the request's log line. A
 * client (or a proxy in front) may send its own id to follow a request across systems; it is kept
 * when it is short and plain, and replaced otherwise so that nothing odd reaches the log.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "stacks.requestId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && CLIENT_ID.matcher(given).matches() ? given : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    static String of(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
