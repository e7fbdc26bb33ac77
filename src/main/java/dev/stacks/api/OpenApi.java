package dev.stacks.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of every route, kept as a resource beside
 * this class (a test checks it against the routes the server really has, and real responses
 * against its schemas).
 */
final class OpenApi {
    static final String RESOURCE = "openapi.json";

    private final byte[] document;
    private final String etag;

    OpenApi() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lost " + RESOURCE + " beside " + OpenApi.class.getName());
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        this.etag = Etags.ofBytes(document);
    }

    void serve(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (Etags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(document);
    }
}
