package dev.stacks.api;

import dev.stacks.search.ArchiveSearch;
import dev.stacks.search.ConcordanceLine;
import dev.stacks.search.ExportRow;
import dev.stacks.search.FacetBrowser;
import dev.stacks.search.Interval;
import dev.stacks.search.TimelineSeries;
import dev.stacks.search.QuoteRequest;
import dev.stacks.search.QuoteSearch;
import dev.stacks.search.ResultWalker;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SortOrder;
import dev.stacks.search.Timeline;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Quotes, facet values, the timeline, exports, the concordance and similar documents. */
final class ExploreController {
    private static final long MAX_EXPORT_ROWS = 1_000_000;

    private final ArchiveSearch search;
    private final QuoteSearch quotes;
    private final FacetBrowser facets;
    private final Timeline timeline;
    private final ResultWalker walker;

    ExploreController(ArchiveSearch search, QuoteSearch quotes, FacetBrowser facets, Timeline timeline, ResultWalker walker) {
        this.search = search;
        this.quotes = quotes;
        this.facets = facets;
        this.timeline = timeline;
        this.walker = walker;
    }

    void quotes(Context ctx) {
        ctx.json(quotes.search(new QuoteRequest(ctx.queryParam("q"), ctx.queryParam("speaker"), ctx.queryParam("from"),
                ctx.queryParam("to"), SortOrder.parse(ctx.queryParam("sort")), Params.intParam(ctx, "page", 1),
                Params.intParam(ctx, "size", 10))));
    }

    void facet(Context ctx) {
        String dim = ctx.pathParam("dim");
        if (!FacetBrowser.DIMS.contains(dim)) {
            throw ApiException.notFound("no facet '" + dim + "'; the facets are actor, location, date and format");
        }
        String prefix = ctx.queryParam("prefix");
        int size = Params.intParam(ctx, "size", 20, 1, 1000);
        ctx.json(new Bodies.FacetValues(dim, prefix, facets.values(dim, prefix, Params.resultSet(ctx), size)));
    }

    void timeline(Context ctx) {
        TimelineSeries series = timeline.series(Params.resultSet(ctx), Interval.parse(ctx.queryParam("interval")));
        ctx.json(new Bodies.Timeline(series.interval().name().toLowerCase(Locale.ROOT), series.buckets()));
    }

    /**
     * Streams every hit as rows of the chosen format. Nothing is written until the query has been
     * parsed and the first row found, so a bad request is still a 400 problem and not a broken file.
     */
    void export(Context ctx) throws IOException {
        ExportWriter.Format format = ExportWriter.Format.parse(ctx.queryParam("format"));
        SearchRequest request = Params.resultSetWithOutputFormat(ctx);
        ctx.contentType(format.contentType);
        ctx.header("Content-Disposition", ContentDisposition.attachment("stacks-export." + format.extension));
        ExportWriter out = new ExportWriter(format, ctx::outputStream, baseUrl(ctx));
        walker.export(request, MAX_EXPORT_ROWS, out::write);
        out.finish();
    }

    void concordance(Context ctx) throws IOException {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "format must be json or csv, not '" + format + "'");
        }
        SearchRequest request = Params.resultSetWithOutputFormat(ctx);
        if (request.q().isBlank() || request.q().equals("*")) {
            throw ApiException.badRequest("q", "the concordance needs a query: it lists where q occurs");
        }
        int context = Params.intParam(ctx, "context", 60, 0, 200);
        int docs = Params.intParam(ctx, "docs", 200, 1, 1000);
        int maxLines = Params.intParam(ctx, "lines", 1000, 1, 10_000);
        List<ConcordanceLine> lines = walker.concordance(request, docs, maxLines, context);
        if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", ContentDisposition.attachment("stacks-concordance.csv"));
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            out.write("documentId,title,date,left,match,right,start,end\r\n");
            for (ConcordanceLine l : lines) {
                out.write(String.join(",", ExportWriter.csvCell(l.documentId()), ExportWriter.csvCell(nz(l.title())),
                        ExportWriter.csvCell(nz(l.date())), ExportWriter.csvCell(l.left()), ExportWriter.csvCell(l.match()),
                        ExportWriter.csvCell(l.right()), String.valueOf(l.start()), String.valueOf(l.end())));
                out.write("\r\n");
            }
            out.flush();
            return;
        }
        ctx.json(new Bodies.Concordance(lines.size(), lines));
    }

    void similar(Context ctx) {
        String id = DocumentController.id(ctx);
        int size = Params.intParam(ctx, "size", 10, 1, 50);
        if (search.document(id, null).isEmpty()) {
            throw ApiException.notFound("no document with id " + id);
        }
        ctx.json(new Bodies.Similar(id, walker.moreLikeThis(id, size).stream().map(ExploreController::summary).toList()));
    }

    private static Bodies.Summary summary(ExportRow r) {
        return new Bodies.Summary(r.id(), r.title(), r.date(), r.actors(), r.locations(),
                new Bodies.SourceSummary(r.sourceName(), r.contentType(), r.format()));
    }

    private static String baseUrl(Context ctx) {
        String host = ctx.host();
        return host == null ? "" : ctx.scheme() + "://" + host;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
