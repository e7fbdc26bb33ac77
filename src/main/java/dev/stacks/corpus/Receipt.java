package dev.stacks.corpus;

import java.time.Instant;

/**
 * One arrival of an original: when, under which name, from where (the path it was read from, or
 * "upload"), and by which API key (its name; null from the command line). The same bytes arriving
 * twice leave two receipts on one original.
 */
public record Receipt(Instant receivedAt, String name, String from, String apiKey) {
}
