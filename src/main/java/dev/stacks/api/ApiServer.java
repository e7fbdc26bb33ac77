package dev.stacks.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stacks.app.Archive;
import dev.stacks.search.FacetBrowser;
import dev.stacks.search.QuoteSearch;
import dev.stacks.search.ResultWalker;
import dev.stacks.search.Timeline;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP layer: builds the Javalin app (routes, error mapping, static page, headers, limits)
 * without starting it, so tests start it on port 0. Controllers only translate HTTP ⇄ records.
 */
public final class ApiServer {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final String KEY_NAME = "stacks.keyName";

    /** No inline script or style, nothing from elsewhere: hostile documents cannot run code in the page. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private ApiServer() {
    }

    public static Javalin create(Archive archive, ApiKeys keys, ServerOptions options) {
        SearchController searchController = new SearchController(archive.search());
        DocumentController documents = new DocumentController(archive.search(), archive.corpus(), archive.index(),
                archive.ingestor(), options.maxUploadBytes());
        StatusController status = new StatusController(archive.index(), archive.search(), archive.corpus());
        ExploreController explore = new ExploreController(archive.search(), new QuoteSearch(archive.index()),
                new FacetBrowser(archive.index()), new Timeline(archive.index()), new ResultWalker(archive.index()));
        OpenApi openApi = new OpenApi();
        RateLimiter writeLimiter = RateLimiter.perMinute(options.writesPerMinute());
        Metrics metrics = new Metrics(archive.index()::articleCount, archive.index()::sizeBytes, archive.search()::keptCounts);
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.generateEtags = false; // ETags are set where they mean something (originals, documents); they would buffer streamed exports
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.http.compressionStrategy = compression();
            limits(config, options, archive);
            page(config, options);
            cors(config, options);
            config.requestLogger.http((ctx, ms) -> {
                metrics.record(ctx, ms);
                log.info("{} {} {} {}ms [{}]", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(ms), RequestIds.of(ctx));
            });
            Problems.register(config, options.maxUploadBytes());

            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", CSP);
                ctx.res().addHeader("Vary", "Accept-Encoding"); // beside the CORS plugin's "Vary: Origin"
            });
            config.routes.after(ctx -> {
                // the CORS plugin sets "Vary: Origin" over the one above; a streamed answer is already sent
                String vary = ctx.res().getHeader("Vary");
                if (!ctx.res().isCommitted() && (vary == null || !vary.contains("Accept-Encoding"))) {
                    ctx.res().addHeader("Vary", "Accept-Encoding");
                }
            });
            config.routes.before("/api/v1/*", ctx -> { // not /api/api.css, the API page's style
                if (options.keyForReads() && !ctx.method().name().equals("OPTIONS")) {
                    requireKey(ctx, keys);
                }
            });

            config.routes.get("/health", status::health);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
            config.routes.get("/api/v1/openapi.json", openApi::serve);
            config.routes.get("/api/v1/search", searchController::search);
            config.routes.get("/api/v1/stats", status::stats);
            config.routes.get("/api/v1/quotes", explore::quotes);
            config.routes.get("/api/v1/facets/{dim}", explore::facet);
            config.routes.get("/api/v1/timeline", explore::timeline);
            config.routes.get("/api/v1/export", explore::export);
            config.routes.get("/api/v1/concordance", explore::concordance);
            config.routes.get("/api/v1/documents/{id}/similar", explore::similar);
            config.routes.get("/api/v1/documents/{id}", documents::get);
            config.routes.get("/api/v1/documents/{id}/original", documents::original);
            config.routes.post("/api/v1/documents", ctx -> {
                limitWrites(ctx, writeLimiter);
                documents.upload(ctx, requireKey(ctx, keys));
            });
            config.routes.delete("/api/v1/documents/{id}", ctx -> {
                limitWrites(ctx, writeLimiter);
                requireKey(ctx, keys);
                documents.delete(ctx);
            });
        });
    }

    /**
     * gzip for clients that ask (JSON and text shrink five- to tenfold), decided on the first bytes
     * written, so streamed exports stay streamed. Originals that are already compressed (office
     * formats and EPUB are zip files) are sent as they are.
     */
    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip(6));
        List<String> excluded = new ArrayList<>(strategy.getExcludedMimeTypes());
        excluded.addAll(List.of("application/vnd.openxmlformats-officedocument", "application/vnd.oasis.opendocument",
                "application/epub+zip", "application/x-7z-compressed"));
        strategy.setExcludedMimeTypes(excluded);
        return strategy;
    }

    /**
     * Upload size (the multipart parts spill to the corpus's work folder past 1 MB, never to /tmp),
     * and the idle timeout: a connection that sends or takes nothing for that long, while a request
     * is read or handled or its answer written, is dropped. Jetty's own error pages become problems.
     */
    private static void limits(JavalinConfig config, ServerOptions options, Archive archive) {
        config.http.maxRequestSize = options.maxUploadBytes();
        config.jetty.multipartConfig.cacheDirectory(archive.corpus().workFolder().toString());
        config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        long idleMillis = options.idleTimeout().toMillis();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(idleMillis);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyProblemHandler());
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    // the connector is made at start, with the host and port given there
                    for (Connector connector : ((Server) event).getConnectors()) {
                        if (connector instanceof AbstractConnector c) {
                            c.setIdleTimeout(idleMillis);
                        }
                    }
                }
            });
        });
    }

    /** Browsers may call the API from the configured origins only; with none, no CORS header is ever sent. */
    private static void cors(JavalinConfig config, ServerOptions options) {
        if (options.corsOrigins().isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            options.corsOrigins().forEach(rule::allowHost);
            rule.exposeHeader(RequestIds.HEADER);
            rule.exposeHeader("ETag");
        }));
        // the plugin writes a preflight's headers; this route gives the preflight a status and no body
        config.routes.options("/api/*", ctx -> ctx.status(204));
    }

    private static void page(JavalinConfig config, ServerOptions options) {
        if (options.webDir() != null && Files.isDirectory(options.webDir())) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = options.webDir().toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        } else {
            log.warn("no page folder at {}: serving the API only", options.webDir());
        }
    }

    private static void limitWrites(Context ctx, RateLimiter limiter) {
        if (!limiter.tryAcquire(ctx.ip())) {
            ctx.header("Retry-After", "10");
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "Too many requests",
                    "too many writes from this client; wait a few seconds and retry", null);
        }
    }

    /** The name of the key the request carries; 401 without one, 403 with a wrong one. */
    private static String requireKey(Context ctx, ApiKeys keys) {
        String cached = ctx.attribute(KEY_NAME);
        if (cached != null) {
            return cached;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"stacks\"");
            throw new ApiException(401, "Unauthorized", "this request needs an API key: send 'Authorization: Bearer <key>' (create one with 'stacks keys create NAME')", null);
        }
        Optional<String> name = keys.verify(header.substring(7));
        if (name.isEmpty()) {
            throw new ApiException(403, "Forbidden", "the API key is not valid or was revoked", null);
        }
        ctx.attribute(KEY_NAME, name.get());
        return name.get();
    }
}
