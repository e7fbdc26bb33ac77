package dev.stacks.corpus;

/** The outcome of putting a file into the corpus: its record, and whether the bytes were new. */
public record StoreResult(OriginalRecord record, boolean isNew) {
}
