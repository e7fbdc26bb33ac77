package dev.stacks.app;

import dev.stacks.enrich.Article;
import dev.stacks.enrich.Enricher;
import dev.stacks.enrich.PublicationDate;

import java.util.List;

/** Which enricher the archive uses. */
public final class Enrichers {
    private Enrichers() {
    }

    public static Enricher standard() {
        return (id, extraction, source) -> {
            PublicationDate date = null;
            String dc = extraction.first("dc:date");
            if (dc != null && dc.length() >= 10) {
                date = PublicationDate.parseIso(dc.substring(0, 10), "metadata:dc:date");
            }
            return new Article(id, extraction.title(), extraction.text(), date, List.of(), List.of(), List.of(),
                    source, extraction.truncated(), null);
        };
    }
}
