package dev.stacks.ingest;

/** The one recorded end of every file an ingest sees. */
public enum Outcome {
    INDEXED("indexed"),
    INDEXED_TRUNCATED("indexed-truncated"),
    NO_TEXT("no-text"),
    DUPLICATE("duplicate"),
    REJECTED("rejected");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The word used in reports, provenance records and the API. */
    public String label() {
        return label;
    }

    public static Outcome fromLabel(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome: " + label);
    }
}
