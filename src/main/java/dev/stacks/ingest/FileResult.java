package dev.stacks.ingest;

/**
 * What happened to one file: its name as given, the outcome, why (for everything but a clean
 * index), and the document id and title when a document exists.
 */
public record FileResult(String file, Outcome outcome, String reason, String id, String title, long bytes) {
}
