package dev.stacks.enrich;

import dev.stacks.extract.Extraction;

/**
 * Finds what an article is about: its publication date, actors, places and quotations.
 * Implementations are thread-safe and hold their lexicons in memory, so one instance serves
 * every ingest worker. The default is rule-based and licence-clean; a model-backed one may
 * come later behind this same interface.
 */
public interface Enricher {

    /**
     * @param id         the document id (derived from the original's SHA-256)
     * @param extraction the extracted text and metadata; its status is TEXT or NO_TEXT
     * @param source     the original's name, type and hash
     */
    Article enrich(String id, Extraction extraction, Source source);
}
