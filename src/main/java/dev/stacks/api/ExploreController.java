package dev.stacks.api;

import dev.stacks.search.ConcordanceLine;
import dev.stacks.search.FacetBrowser;
import dev.stacks.search.Interval;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quotes, facet values, the timeline, exports, the concordance and similar documents. */
final class ExploreController {
    private static final long MAX_EXPORT_ROWS = 1_000_000;

    private final QuoteSearch quotes;
    private final FacetBrowser facets;
    private final Timeline timeline;
    private final ResultWalker walker;

    ExploreController(QuoteSearch quotes, FacetBrowser facets, Timeline timeline, ResultWalker walker) {
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
        SearchRequest request = Params.searchRequest(ctx).withSize(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dim", dim);
        body.put("prefix", ctx.queryParam("prefix"));
        body.put("values", facets.values(dim, ctx.queryParam("prefix"), request, Params.intParam(ctx, "size", 20)));
        ctx.json(body);
    }

    void timeline(Context ctx) {
        Interval interval = Interval.parse(ctx.queryParam("interval"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", interval.name().toLowerCase());
        body.put("buckets", timeline.series(Params.searchRequest(ctx).withSize(1), interval));
        ctx.json(body);
    }

    void export(Context ctx) throws IOException {
        ExportWriter.Format format = ExportWriter.Format.parse(ctx.queryParam("format"));
        SearchRequest request = Params.searchRequestWithOutputFormat(ctx).withSize(1);
        ctx.contentType(format.contentType);
        ctx.header("Content-Disposition", ContentDisposition.attachment("stacks-export." + format.extension));
        try (ExportWriter out = new ExportWriter(format, ctx.outputStream(), baseUrl(ctx))) {
            walker.export(request, MAX_EXPORT_ROWS, out::write);
        }
    }

    void concordance(Context ctx) throws IOException {
        SearchRequest request = Params.searchRequestWithOutputFormat(ctx).withSize(1);
        if (request.q().isBlank()) {
            throw ApiException.badRequest("q", "the concordance needs a query: it lists where q occurs");
        }
        int context = Math.min(200, Math.max(10, Params.intParam(ctx, "context", 60)));
        List<ConcordanceLine> lines = walker.concordance(request, Math.min(1000, Params.intParam(ctx, "docs", 200)),
                Math.min(10_000, Params.intParam(ctx, "lines", 1000)), context);
        if ("csv".equals(ctx.queryParam("format"))) {
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
        if (ctx.queryParam("format") != null && !"json".equals(ctx.queryParam("format"))) {
            throw ApiException.badRequest("format", "format must be json or csv");
        }
        ctx.json(Map.of("total", lines.size(), "lines", lines));
    }

    void similar(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(Map.of("id", id, "hits", walker.moreLikeThis(id, Math.min(50, Math.max(1, Params.intParam(ctx, "size", 10))))));
    }

    private static String baseUrl(Context ctx) {
        String host = ctx.host();
        return host == null ? "" : ctx.scheme() + "://" + host;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
