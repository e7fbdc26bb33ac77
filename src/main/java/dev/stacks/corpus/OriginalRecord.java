package dev.stacks.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The provenance record kept beside each original in {@code corpus/}: its hash and size, every
 * name and arrival, and how extraction went (detected type, Tika version, outcome and reason).
 * Reindexing reads these records, so they must hold everything the index cannot recompute.
 *
 * @param outcome  the ingest outcome label ("indexed", "no-text", "rejected", …); null until processed
 * @param parentId the id of the message this original was attached to, or null
 */
public record OriginalRecord(
        String sha256,
        long size,
        String contentType,
        List<Receipt> receipts,
        String tikaVersion,
        String outcome,
        String reason,
        boolean truncated,
        String parentId,
        boolean deleted) {

    public OriginalRecord {
        receipts = List.copyOf(receipts);
    }

    /** The document id: the first 16 hex digits (64 bits) of the SHA-256, stable across reindex. */
    public String id() {
        return DocumentIds.fromSha256(sha256);
    }

    /** Every distinct name the original arrived under, first one first. */
    public List<String> names() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        receipts.forEach(r -> names.add(r.name()));
        return List.copyOf(names);
    }

    /** The name shown to users: the first one it arrived under. */
    public String displayName() {
        return receipts.isEmpty() ? sha256 : receipts.get(0).name();
    }

    public OriginalRecord withReceipt(Receipt receipt) {
        List<Receipt> more = new ArrayList<>(receipts);
        more.add(receipt);
        return new OriginalRecord(sha256, size, contentType, more, tikaVersion, outcome, reason, truncated, parentId, deleted);
    }

    public OriginalRecord withOutcome(String contentType, String tikaVersion, String outcome, String reason, boolean truncated) {
        return new OriginalRecord(sha256, size, contentType, receipts, tikaVersion, outcome, reason, truncated, parentId, deleted);
    }

    public OriginalRecord withDeleted(boolean deleted) {
        return new OriginalRecord(sha256, size, contentType, receipts, tikaVersion, outcome, reason, truncated, parentId, deleted);
    }
}
