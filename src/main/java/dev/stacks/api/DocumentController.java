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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents: read one, download its original, upload new ones, delete one. */
final class DocumentController {
    private final ArchiveSearch search;
    private final CorpusStore corpus;
    private final ArchiveIndex index;
    private final Ingestor ingestor;

    DocumentController(ArchiveSearch search, CorpusStore corpus, ArchiveIndex index, Ingestor ingestor) {
        this.search = search;
        this.corpus = corpus;
        this.index = index;
        this.ingestor = ingestor;
    }

    void get(Context ctx) {
        String id = id(ctx);
        DocumentView view = search.document(id, ctx.queryParam("q"))
                .orElseThrow(() -> ApiException.notFound("no document with id " + id));
        OriginalRecord record = corpus.findById(id).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("title", view.title());
        body.put("date", view.date());
        body.put("dateSource", view.dateSource());
        body.put("text", view.text());
        body.put("actors", view.actors().stream().map(a -> Map.of("name", a.name(), "type", a.type().label(), "mentions", a.mentions())).toList());
        body.put("locations", view.locations().stream().map(p -> Map.of("name", p.name(), "path", p.pathString(), "mentions", p.mentions())).toList());
        body.put("quotes", view.quotes());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", view.source().name());
        source.put("names", record == null ? List.of(view.source().name()) : record.names());
        source.put("contentType", view.source().contentType());
        source.put("format", view.source().format());
        source.put("sha256", view.source().sha256());
        source.put("size", view.size());
        body.put("source", source);
        body.put("truncated", view.truncated());
        body.put("parentId", view.parentId());
        body.put("provenance", record == null ? List.of() : record.receipts().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receivedAt", r.receivedAt());
            m.put("name", r.name());
            m.put("from", r.from().equals("upload") ? "upload" : "file");
            m.put("key", r.apiKey());
            return m;
        }).toList());
        if (record != null) {
            body.put("extraction", Map.of("outcome", String.valueOf(record.outcome()), "tika", String.valueOf(record.tikaVersion())));
        }
        body.put("matches", view.matches());
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    void original(Context ctx) throws IOException {
        String id = id(ctx);
        OriginalRecord record = corpus.findById(id).filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.notFound("no original with id " + id));
        Path bytes = corpus.bytesPath(record.sha256());
        String etag = "\"" + record.sha256() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(record.contentType() == null ? "application/octet-stream" : record.contentType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(record.displayName()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(Files.newInputStream(bytes));
    }

    void upload(Context ctx, String keyName) throws IOException {
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.isEmpty()) {
            throw ApiException.badRequest("file", "send the documents as multipart/form-data parts named 'file'");
        }
        for (UploadedFile file : files) {
            FileNames.check(file.filename());
        }
        List<FileResult> results = new ArrayList<>();
        for (UploadedFile file : files) {
            try (InputStream in = file.content()) {
                results.add(ingestor.ingestUpload(in, FileNames.check(file.filename()), keyName));
            }
        }
        index.commit();
        List<Map<String, Object>> body = results.stream().map(DocumentController::resultJson).toList();
        if (results.size() > 1) {
            ctx.status(207).json(Map.of("results", body));
            return;
        }
        FileResult only = results.get(0);
        switch (only.outcome()) {
            case INDEXED, INDEXED_TRUNCATED, NO_TEXT -> ctx.status(201).json(Map.of("results", body));
            case DUPLICATE -> ctx.status(200).json(Map.of("results", body));
            case REJECTED -> {
                boolean unsupported = only.reason() != null && only.reason().startsWith("unsupported");
                throw new ApiException(unsupported ? 415 : 422, unsupported ? "Unsupported media type" : "Unprocessable content",
                        only.file() + ": " + only.reason(), "file");
            }
        }
    }

    void delete(Context ctx) throws IOException {
        String id = id(ctx);
        OriginalRecord record = corpus.findById(id).filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.notFound("no document with id " + id));
        index.delete(id);
        index.commit();
        corpus.update(record.withDeleted(true));
        ctx.status(204);
    }

    private static Map<String, Object> resultJson(FileResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("outcome", r.outcome().label());
        m.put("reason", r.reason());
        m.put("id", r.id());
        m.put("title", r.title());
        return m;
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!DocumentIds.isId(id)) {
            throw ApiException.notFound("no document with id '" + id + "'; ids are 16 hexadecimal digits");
        }
        return id;
    }
}
