package dev.stacks.api;

import dev.stacks.search.InvalidRequestException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Maps every failure to an {@code application/problem+json} body, in one place. Clients see a
 * status, a title and a detail they can act on; never a stack trace or an internal message (the
 * catch-all logs the cause under the request id and answers with a generic 500).
 */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) ->
                send(ctx, e.status(), e.title(), e.getMessage(), e.parameter()));
        config.routes.exception(InvalidRequestException.class, (e, ctx) ->
                send(ctx, 400, "Bad request", e.getMessage(), e.parameter()));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                send(ctx, e.getStatus(), titleFor(e.getStatus()), e.getMessage(), null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed [{}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            send(ctx, 500, "Internal server error", "the server could not complete the request; it is logged as request " + RequestIds.of(ctx), null);
        });
        for (int status : new int[] {404, 405, 413, 415}) {
            config.routes.error(status, "*", ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith(CONTENT_TYPE)) {
                    send(ctx, status, titleFor(status), defaultDetail(ctx, status), null);
                }
            });
        }
    }

    static void send(Context ctx, int status, String title, String detail, String parameter) {
        String type = "/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
        ctx.status(status);
        ctx.json(new Problem(type, title, status, detail, parameter, RequestIds.of(ctx)));
        ctx.contentType(CONTENT_TYPE);
    }

    private static String defaultDetail(Context ctx, int status) {
        return switch (status) {
            case 404 -> "nothing at " + ctx.path() + "; the API is under /api/v1 (see /api/v1/openapi.json)";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request is larger than the server accepts";
            case 415 -> "unsupported media type";
            default -> titleFor(status);
        };
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
    }
}
