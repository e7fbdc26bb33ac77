package dev.stacks.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.search.InvalidRequestException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Maps every failure to an {@code application/problem+json} body, in one place. Clients see a
 * status, a title and a detail they can act on; never a stack trace or an internal message (the
 * catch-all logs the cause under the request id and answers with a generic 500). Failures that
 * Jetty answers before a request reaches the routes (a malformed or too long URI) get the same
 * body through {@link JettyProblemHandler}.
 */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void register(JavalinConfig config, long maxUploadBytes) {
        config.routes.exception(ApiException.class, (e, ctx) ->
                send(ctx, e.status(), e.title(), e.getMessage(), e.parameter()));
        config.routes.exception(InvalidRequestException.class, (e, ctx) ->
                send(ctx, 400, "Bad request", e.getMessage(), e.parameter()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status == 405) {
                // Javalin lists the path's methods under one of two keys, by whether the client accepts HTML
                String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
                if (allowed != null) {
                    ctx.header("Allow", allowed);
                }
            }
            // Javalin's own responses (no route, wrong method, body too large) get our wording
            String detail = switch (status) {
                case 404, 405, 413 -> defaultDetail(ctx, status, maxUploadBytes);
                default -> e.getMessage() == null || e.getMessage().isBlank() ? titleFor(status) : e.getMessage();
            };
            send(ctx, status, titleFor(status), detail, null);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            int status = clientErrorStatus(e);
            if (status != 0) {
                ctx.header("Connection", "close"); // the body was not read to its end
                send(ctx, status, titleFor(status), defaultDetail(ctx, status, maxUploadBytes), null);
                return;
            }
            log.error("request {} {} failed [{}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            send(ctx, 500, "Internal server error", "the server could not complete the request; it is logged as request " + RequestIds.of(ctx), null);
        });
        config.router.javaLangErrorHandler((response, error) -> {
            // an Error (stack overflow, out of memory, a failed assertion) skips the exception mappers
            String requestId = response.getHeader(RequestIds.HEADER) == null ? "-" : response.getHeader(RequestIds.HEADER);
            log.error("request failed with an error [{}]", requestId, error);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(500);
                response.setHeader(RequestIds.HEADER, requestId);
                response.setContentType(CONTENT_TYPE + ";charset=utf-8");
                try {
                    response.getOutputStream().write(body(500, "Internal server error",
                            "the server could not complete the request; it is logged as request " + requestId, null, requestId));
                } catch (IOException e) {
                    log.debug("could not answer request {}", requestId, e);
                }
            }
        });
        for (int status : new int[] {404, 405, 413, 415}) {
            config.routes.error(status, "*", ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith(CONTENT_TYPE)) {
                    send(ctx, status, titleFor(status), defaultDetail(ctx, status, maxUploadBytes), null);
                }
            });
        }
    }

    static void send(Context ctx, int status, String title, String detail, String parameter) {
        if (status == 413) {
            // the rest of the body is not read, so the connection cannot carry another request
            ctx.header("Connection", "close");
        }
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE + ";charset=utf-8");
        ctx.result(body(status, title, detail, parameter, RequestIds.of(ctx)));
    }

    /** The problem body, as UTF-8 JSON. */
    static byte[] body(int status, String title, String detail, String parameter, String requestId) {
        String type = "/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
        try {
            return JSON.writeValueAsString(new Problem(type, title, status, detail, parameter, requestId)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is plain strings and cannot fail to serialise", e);
        }
    }

    /**
     * The status of a client error that Jetty found while a handler read the request, or 0 if the
     * failure is not one: a multipart body that passes the size limits (413; Jetty says so only in
     * the message of the cause, "max length exceeded: N" or "max file size exceeded: N") or that is
     * malformed (400) surfaces as a {@link HttpException} wrapped in a ServletException.
     */
    static int clientErrorStatus(Throwable e) {
        int status = 0;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().matches("max [a-z ]+ exceeded.*")) {
                return 413;
            }
            if (status == 0 && t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                status = http.getCode();
            }
        }
        return status;
    }

    static String defaultDetail(Context ctx, int status, long maxUploadBytes) {
        return switch (status) {
            case 404 -> "nothing at " + ctx.path() + "; the API is under /api/v1 (see /api/v1/openapi.json)";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + " (see /api/v1/openapi.json)";
            case 400 -> "the request body could not be read: send well-formed multipart/form-data";
            case 413 -> "the request is larger than the " + maxUploadBytes + " bytes the server accepts; upload fewer or smaller files";
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
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
    }
}
