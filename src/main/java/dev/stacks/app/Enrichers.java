package dev.stacks.app;

import dev.stacks.enrich.Enricher;
import dev.stacks.enrich.RuleBasedEnricher;

/** Which enricher the archive uses: the rule-based one, its lexicons loaded once per process. */
public final class Enrichers {
    private Enrichers() {
    }

    public static Enricher standard() {
        return Holder.STANDARD;
    }

    /** Loaded on first use (about a second of reading word lists), then shared by every thread. */
    private static final class Holder {
        static final Enricher STANDARD = RuleBasedEnricher.load();
    }
}
