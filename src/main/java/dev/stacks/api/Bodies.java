package dev.stacks.api;

import dev.stacks.corpus.OriginalRecord;
import dev.stacks.enrich.Quote;
import dev.stacks.enrich.Span;
import dev.stacks.search.ActorRef;
import dev.stacks.search.ConcordanceLine;
import dev.stacks.search.DocumentView;
import dev.stacks.search.FacetValue;
import dev.stacks.search.LocationRef;
import dev.stacks.search.Match;
import dev.stacks.search.TimelineBucket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the API writes besides the search package's own records. Each is described,
 * field for field, by the same-named schema in {@code openapi.json}; add fields freely, never rename.
 */
final class Bodies {
    private Bodies() {
    }

    /** GET /health. */
    record Health(String status, long documents) {
    }

    /** GET /api/v1/stats. {@code lastIngest} is an ISO instant, or null before the first ingest. */
    record Stats(long documents, Map<String, Long> byFormat, Map<String, Integer> byOutcome, long indexBytes, String lastIngest) {
    }

    /** GET /api/v1/documents/{id}: the whole document, with mention offsets and provenance. */
    record Document(String id, String title, String date, String dateSource, String text, List<ActorMentions> actors,
                    List<PlaceMentions> locations, List<Quote> quotes, DocumentSource source, boolean truncated,
                    String parentId, List<Receipt> provenance, ExtractionInfo extraction, List<Match> matches) {

        /** The index's view of a document beside its provenance record (null if the corpus has none). */
        static Document of(DocumentView view, OriginalRecord record) {
            return new Document(view.id(), view.title(), view.date(), view.dateSource(), view.text(),
                    view.actors().stream().map(a -> new ActorMentions(a.name(), a.type().label(), a.mentions())).toList(),
                    view.locations().stream().map(p -> new PlaceMentions(p.name(), p.pathString(), p.mentions())).toList(),
                    view.quotes(),
                    new DocumentSource(view.source().name(), record == null ? List.of(view.source().name()) : record.names(),
                            view.source().contentType(), view.source().format(), view.source().sha256(), view.size()),
                    view.truncated(), view.parentId(),
                    record == null ? List.of() : record.receipts().stream().map(Receipt::of).toList(),
                    record == null ? null : new ExtractionInfo(record.outcome(), record.reason(), record.tikaVersion()),
                    view.matches());
        }
    }

    record ActorMentions(String name, String type, List<Span> mentions) {
    }

    record PlaceMentions(String name, String path, List<Span> mentions) {
    }

    /** The original: its first name and every name it arrived under, type, format, hash and size in bytes. */
    record DocumentSource(String name, List<String> names, String contentType, String format, String sha256, long size) {
    }

    /** One arrival of the original: when, under which name, "upload" or "file", and the API key's name (null from the command line). */
    record Receipt(Instant receivedAt, String name, String from, String key) {
        /** The local path a file was read from is the librarian's business, not the API client's. */
        static Receipt of(dev.stacks.corpus.Receipt r) {
            return new Receipt(r.receivedAt(), r.name(), "upload".equals(r.from()) ? "upload" : "file", r.apiKey());
        }
    }

    /** How extraction went: the outcome label, its reason if any, and the Tika version. */
    record ExtractionInfo(String outcome, String reason, String tika) {
    }

    /** POST /api/v1/documents: one result per file part, in the order sent. */
    record Upload(List<UploadResult> results) {
    }

    /** {@code id} and {@code title} are null when no document exists (rejected). */
    record UploadResult(String file, String outcome, String reason, String id, String title) {
    }

    /** GET /api/v1/facets/{dim}. */
    record FacetValues(String dim, String prefix, List<FacetValue> values) {
    }

    /** GET /api/v1/timeline. */
    record Timeline(String interval, List<TimelineBucket> buckets) {
    }

    /** GET /api/v1/concordance. */
    record Concordance(int total, List<ConcordanceLine> lines) {
    }

    /** GET /api/v1/documents/{id}/similar. */
    record Similar(String id, List<Summary> hits) {
    }

    /** A document in a list: what a search hit shows, without snippets and score. */
    record Summary(String id, String title, String date, List<ActorRef> actors, List<LocationRef> locations, SourceSummary source) {
    }

    record SourceSummary(String name, String contentType, String format) {
    }
}
