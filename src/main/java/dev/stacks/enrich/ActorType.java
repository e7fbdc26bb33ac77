package dev.stacks.enrich;

import java.util.Locale;

/** What kind of actor a name refers to; the facet shows it beside the name. */
public enum ActorType {
    PERSON, ORGANISATION;

    /** The lower-case word used in the API and the index ("person", "organisation"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActorType fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
