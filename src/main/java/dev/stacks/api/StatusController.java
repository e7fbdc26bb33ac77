package dev.stacks.api;

import dev.stacks.corpus.CorpusStore;
import dev.stacks.corpus.OriginalRecord;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.search.ArchiveSearch;
import dev.stacks.search.FacetValue;
import dev.stacks.search.SearchRequest;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** GET /health and GET /api/v1/stats. */
final class StatusController {
    private final ArchiveIndex index;
    private final ArchiveSearch search;
    private final CorpusStore corpus;
    private volatile CachedOutcomes outcomes;

    private record CachedOutcomes(long at, String lastIngest, Map<String, Integer> counts) {
    }

    StatusController(ArchiveIndex index, ArchiveSearch search, CorpusStore corpus) {
        this.index = index;
        this.search = search;
        this.corpus = corpus;
    }

    void health(Context ctx) {
        if (index.isOpen()) {
            ctx.json(new Bodies.Health("ok", index.articleCount()));
        } else {
            throw new ApiException(503, "Service unavailable", "the index is closed", null);
        }
    }

    void stats(Context ctx) throws IOException {
        List<FacetValue> formats = search.search(SearchRequest.of("").withSize(1)).facets().get("format");
        Map<String, Long> byFormat = new TreeMap<>();
        formats.forEach(f -> byFormat.put(f.value(), f.count()));
        String lastIngest = index.lastIngest() == null || index.lastIngest().isEmpty() ? null : index.lastIngest();
        ctx.json(new Bodies.Stats(index.articleCount(), byFormat, outcomeCounts(), index.sizeBytes(), lastIngest));
    }

    /**
     * Outcomes come from the corpus records; reading them all is cached for a few seconds, and
     * until the next commit (every upload and delete commits), so a client sees its own writes.
     */
    private Map<String, Integer> outcomeCounts() throws IOException {
        CachedOutcomes cached = outcomes;
        String lastIngest = index.lastIngest();
        if (cached != null && System.currentTimeMillis() - cached.at() < 5_000 && Objects.equals(cached.lastIngest(), lastIngest)) {
            return cached.counts();
        }
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<OriginalRecord> records = corpus.records()) {
            records.forEach(r -> counts.merge(r.deleted() ? "deleted" : String.valueOf(r.outcome()), 1, Integer::sum));
        }
        outcomes = new CachedOutcomes(System.currentTimeMillis(), lastIngest, counts);
        return counts;
    }
}
