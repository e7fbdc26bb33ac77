package dev.stacks.api;

import dev.stacks.corpus.CorpusStore;
import dev.stacks.corpus.DocumentIds;
import dev.stacks.corpus.OriginalRecord;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.ingest.FileResult;
import dev.stacks.ingest.Ingestor;
import dev.stacks.search.ArchiveSearch;
import dev.stacks.search.DocumentView;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Documents: read one, download its original, upload new ones, delete one. */
final class DocumentController {
    private final ArchiveSearch search;
    private final CorpusStore corpus;
    private final ArchiveIndex index;
    private final Ingestor ingestor;
    private final long maxUploadBytes;

    DocumentController(ArchiveSearch search, CorpusStore corpus, ArchiveIndex index, Ingestor ingestor, long maxUploadBytes) {
        this.search = search;
        this.corpus = corpus;
        this.index = index;
        this.ingestor = ingestor;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * GET /api/v1/documents/{id}. The ETag is a hash of the body, so it changes with anything shown
     * (a reindex with a better enricher, a new name for the original); clients revalidate each time.
     */
    void get(Context ctx) {
        String id = id(ctx);
        DocumentView view = search.document(id, Params.query(ctx))
                .orElseThrow(() -> ApiException.notFound("no document with id " + id));
        Bodies.Document body = Bodies.Document.of(view, corpus.findById(id).orElse(null));
        byte[] json = ctx.jsonMapper().toJsonString(body, Bodies.Document.class).getBytes(StandardCharsets.UTF_8);
        String etag = Etags.ofBytes(json);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (Etags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(json);
    }

    /** GET /api/v1/documents/{id}/original: the bytes as archived; they never change under one hash. */
    void original(Context ctx) throws IOException {
        String id = id(ctx);
        OriginalRecord record = corpus.findById(id).filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.notFound("no original with id " + id));
        Path bytes = corpus.bytesPath(record.sha256());
        String etag = Etags.of(record.sha256());
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        if (Etags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        // the bytes go out as archived: no charset is added to a type that did not name one
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(record.contentType() == null ? "application/octet-stream" : record.contentType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(record.displayName()));
        ctx.result(Files.newInputStream(bytes));
    }

    /** POST /api/v1/documents: each {@code file} part through the ingest pipeline, then one commit. */
    void upload(Context ctx, String keyName) throws IOException {
        if (ctx.contentLength() > maxUploadBytes) {
            // refused before reading a byte of it; the part limits catch bodies sent without a length
            throw new ApiException(413, Problems.titleFor(413), "the request is " + ctx.contentLength()
                    + " bytes; the server accepts at most " + maxUploadBytes + " bytes; upload fewer or smaller files", null);
        }
        List<UploadedFile> files = parts(ctx);
        if (files.isEmpty()) {
            throw ApiException.badRequest("file", "send the documents as multipart/form-data parts named 'file'");
        }
        List<String> names = new ArrayList<>();
        for (UploadedFile file : files) {
            names.add(FileNames.check(file.filename()));
        }
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try (InputStream in = files.get(i).content()) {
                results.add(ingestor.ingestUpload(in, names.get(i), keyName));
            }
        }
        ingestor.commit(); // the provenance records first, then the index
        Bodies.Upload body = new Bodies.Upload(results.stream()
                .map(r -> new Bodies.UploadResult(r.file(), r.outcome().label(), r.reason(), r.id(), title(r))).toList());
        if (results.size() > 1) {
            ctx.status(207).json(body);
            return;
        }
        FileResult only = results.get(0);
        switch (only.outcome()) {
            case INDEXED, INDEXED_TRUNCATED, NO_TEXT -> ctx.status(201).json(body);
            case DUPLICATE -> ctx.status(200).json(body);
            case REJECTED -> {
                boolean unsupported = only.reason() != null && only.reason().startsWith("unsupported");
                throw new ApiException(unsupported ? 415 : 422, unsupported ? "Unsupported media type" : "Unprocessable content",
                        only.file() + ": " + only.reason(), "file");
            }
        }
    }

    /** The title of the document a file made or (for a duplicate) already was. */
    private String title(FileResult r) {
        if (r.title() != null || r.id() == null) {
            return r.title();
        }
        return search.document(r.id(), null).map(DocumentView::title).orElse(null);
    }

    /** The file parts; a body Jetty cannot read (malformed, or past the size limits) is the client's error, about "file". */
    private List<UploadedFile> parts(Context ctx) {
        try {
            return ctx.uploadedFiles("file");
        } catch (Exception e) { // Javalin rethrows the servlet container's checked exceptions unchecked
            int status = Problems.clientErrorStatus(e);
            if (status == 0) {
                throw e;
            }
            ctx.header("Connection", "close"); // the body was not read to its end
            throw new ApiException(status, Problems.titleFor(status), Problems.defaultDetail(ctx, status, maxUploadBytes), "file");
        }
    }

    /** DELETE /api/v1/documents/{id}: gone from search; the original and its record stay in the corpus. */
    void delete(Context ctx) throws IOException {
        String id = id(ctx);
        OriginalRecord record = corpus.findById(id).filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.notFound("no document with id " + id));
        corpus.update(record.withDeleted(true)); // first, so that a reindex after a crash leaves it out too
        index.delete(id);
        ingestor.commit();
        ctx.status(204);
    }

    /** The {@code id} path parameter; anything but 16 hex digits cannot name a document, so it is a 404. */
    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!DocumentIds.isId(id)) {
            throw ApiException.notFound("no document with id '" + printable(id) + "'; ids are 16 hexadecimal digits");
        }
        return id;
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
