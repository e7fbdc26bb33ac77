package dev.stacks.index;

/**
 * Every Lucene field name in one place, with why its type was chosen. The search package reads
 * these names; nothing else in Stacks spells them.
 *
 * <p>An article and its quotations are indexed as one block of documents sharing {@link #GROUP},
 * so that {@code updateDocuments(GROUP=id, block)} replaces them together, atomically.
 */
public final class Fields {
    private Fields() {
    }

    /** "article" or "quote": every query is filtered on it. StringField: exact, not scored. */
    public static final String KIND = "kind";
    public static final String KIND_ARTICLE = "article";
    public static final String KIND_QUOTE = "quote";

    /** The article id on every document of its block: the delete/update key. StringField. */
    public static final String GROUP = "group";

    /** Document id (16 hex digits of the SHA-256). KeywordField: term lookups and a sort tie-break. */
    public static final String ID = "id";

    /** Title. Text with offsets in the postings: searched (boosted) and highlighted without re-analysis. */
    public static final String TITLE = "title";

    /**
     * Full text. Stored (snippets and the document view need it) and indexed with positions and
     * offsets, so phrase queries run on positions and the highlighter reads offsets from postings
     * instead of re-analysing long articles.
     */
    public static final String BODY = "body";

    /**
     * The body's near pairs: two words within four positions of each other, one of them common
     * ("the|year"). Documents only, no positions or norms, not stored; only narrows where a phrase
     * of common words is checked ({@link NearPairs}). The suffix is the version of the common words
     * and the distance: a segment without this field is searched without it.
     */
    public static final String BODY_NEAR = "body_near.1";

    /** Publication date as epoch day (negative before 1970). LongField: range filters via points, sort via doc values. */
    public static final String DATE = "date";
    /** The date as given, at its precision ("1987", "1987-03", "1987-03-02"). Stored only. */
    public static final String DATE_ISO = "date_iso";
    /** Which source gave the date. Stored only. */
    public static final String DATE_SOURCE = "date_source";

    /** Canonical actor names. KeywordField: exact filter terms (actor=…); faceting uses the facet dims. */
    public static final String ACTOR = "actor";
    /**
     * "type|name" per actor. StringField, stored: its terms are read once per reader to type each
     * facet value, and its stored values give hits their actors without parsing the enrichment JSON.
     */
    public static final String ACTOR_TYPED = "actor_typed";
    /** Actor names analysed, for {@code actor:sheinbaum} in the query language. */
    public static final String ACTOR_TEXT = "actor_text";

    /** Every prefix of every place path ("Mexico", "Mexico/Jalisco", …). StringField: location=… filters. */
    public static final String LOCATION = "location";
    /** Each place's full path ("Mexico/Jalisco/Guadalajara"). Stored only: shown on hits. */
    public static final String LOCATION_PATH = "location_path";
    /** Place names analysed, for {@code location:jalisco}. */
    public static final String LOCATION_TEXT = "location_text";

    /** Quotation texts on the article (for {@code quote:}), and on a quote document its one text. Text with offsets. */
    public static final String QUOTE = "quote";
    /** Speaker names analysed, for {@code speaker:landau}; on both articles and quotes. */
    public static final String SPEAKER = "speaker";
    /** A quote's speaker, exact. KeywordField: the quotes endpoint's speaker filter. */
    public static final String SPEAKER_EXACT = "speaker_exact";
    /** A quote's offsets in its article's body. StoredField. */
    public static final String QUOTE_START = "quote_start";
    public static final String QUOTE_END = "quote_end";
    /** The article's title, stored on each quote (a field of its own: Lucene keeps one schema per field name). */
    public static final String QUOTE_TITLE = "quote_title";

    /** Short format name ("pdf", "docx", …). KeywordField for the format filter. */
    public static final String FORMAT = "format";

    /** Actors, places and quotes with their mention offsets, as JSON. Stored only: read for display. */
    public static final String ENRICHMENT = "enrichment";

    /** Source facts, stored for display. */
    public static final String SOURCE_NAME = "source_name";
    public static final String CONTENT_TYPE = "content_type";
    public static final String SHA256 = "sha256";
    public static final String SIZE = "size";
    public static final String TRUNCATED = "truncated";
    public static final String PARENT = "parent";

    /** Facet dimensions (sorted-set doc values; state built once per reader). */
    public static final String FACET_ACTOR = "actor";
    /** Hierarchical: country › region › place. */
    public static final String FACET_LOCATION = "location";
    /** Hierarchical: year › month › day; undated documents fall in {@link #UNDATED}. */
    public static final String FACET_DATE = "date";
    public static final String FACET_FORMAT = "format";
    public static final String UNDATED = "undated";
}
