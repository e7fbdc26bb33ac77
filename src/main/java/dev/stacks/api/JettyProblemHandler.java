package dev.stacks.api;

import dev.stacks.search.SearchRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty answers some requests itself, before any route runs: a malformed URI or header, a URI or
 * headers that are too long, a connection that stalled. Its default is an HTML page; this writes
 * the same problem+json body as {@link Problems}, with a request id, so clients parse one error
 * format. The cause is never shown.
 */
final class JettyProblemHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String requestId = RequestIds.newId();
        String detail = switch (code) {
            case 400 -> "the request could not be read: check the URL's percent-encoding and the headers";
            case 408 -> "the request was not received in time";
            case 414 -> "the URL is too long; queries are limited to " + SearchRequest.MAX_QUERY_LENGTH + " characters";
            case 431 -> "the request headers are too large";
            default -> Problems.titleFor(code);
        };
        byte[] body = Problems.body(code, Problems.titleFor(code), detail, null, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE + ";charset=utf-8");
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
