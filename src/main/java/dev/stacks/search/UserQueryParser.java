package dev.stacks.search;

import dev.stacks.index.ArchiveAnalyzer;
import dev.stacks.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The researcher's query language → a Lucene query. Words are all required; any quote glyph
 * delimits a phrase; {@code "a b"~5}, AND OR NOT + -, parentheses, * ? wildcards, {@code word~}
 * fuzzy, fields (title: body: actor: location: quote: speaker:) and {@code date:[1987-01 TO 1987-03]}.
 * Only the user's text is parsed; filters are built as queries elsewhere and never glued in.
 */
public final class UserQueryParser {
    /** Every quote glyph a phone or a word processor may type, read as the plain quote the grammar knows. */
    private static final Pattern QUOTE_GLYPHS = Pattern.compile("[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u300C\u300D\u300E\u300F\uFF02\u2033]");
    private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}'’‘\\s.,;!?-]+");
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    /** User-facing field names → index fields. */
    private static final Map<String, String> FIELDS = Map.of(
            "title", Fields.TITLE,
            "body", Fields.BODY,
            "text", Fields.BODY,
            "actor", Fields.ACTOR_TEXT,
            "location", Fields.LOCATION_TEXT,
            "quote", Fields.QUOTE,
            "speaker", Fields.SPEAKER);

    private static final float TITLE_BOOST = 2.0f;
    private static final float PROXIMITY_BOOST = 1.5f;
    private static final int PROXIMITY_SLOP = 6;

    private final Analyzer analyzer = new ArchiveAnalyzer();

    /** The user's query as a Lucene query; a blank query or "*" matches everything. */
    public Query parse(String q) {
        String text = normalize(q);
        if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        Query parsed = parseStrict(text);
        Query proximity = proximityBoost(text);
        if (proximity == null) {
            return parsed;
        }
        return new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.MUST)
                .add(proximity, BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * What to highlight for a query: the query as the user wrote it, without the proximity boost
     * (whose sloppy phrase would mark whole stretches of text rather than the words).
     */
    public Query parseForHighlighting(String q) {
        String text = normalize(q);
        if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        return parseStrict(text);
    }

    /** Quote glyphs folded to '"'; everything else as typed. */
    static String normalize(String q) {
        if (q == null) {
            return "";
        }
        return QUOTE_GLYPHS.matcher(q).replaceAll("\"").strip();
    }

    /** Parses with one default field instead of title and body (quotes search their own text). */
    Query parseIn(String defaultField, String text) {
        return parseWith(new FieldMappingParser(analyzer, new String[] {defaultField}), text);
    }

    private Query parseStrict(String text) {
        return parseWith(new FieldMappingParser(analyzer), text);
    }

    private Query parseWith(QueryParser parser, String text) {
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new InvalidRequestException("q", explain(text, e));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRequestException("q", "a wildcard or fuzzy term matches too many words; make it more specific");
        }
    }

    /** Plain multi-word queries rank documents where the words stand close together higher (edismax pf/ps). */
    private Query proximityBoost(String text) {
        if (!PLAIN_WORDS.matcher(text).matches() || text.contains(" OR ") || text.contains(" NOT ") || text.contains(" AND ")) {
            return null;
        }
        List<String> terms = analyze(Fields.BODY, text);
        if (terms.size() < 2 || terms.size() > 12) {
            return null;
        }
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        for (String field : new String[] {Fields.BODY, Fields.TITLE}) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
            for (int i = 0; i < terms.size(); i++) {
                phrase.add(new Term(field, terms.get(i)), i);
            }
            near.add(phrase.build(), BooleanClause.Occur.SHOULD);
        }
        return new BoostQuery(near.build(), PROXIMITY_BOOST);
    }

    List<String> analyze(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Says what is wrong and where, in words a researcher can act on. */
    static String explain(String text, ParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("unknown field") || message.startsWith("date:")) {
            return "query syntax error: " + message
                    + (message.startsWith("unknown") ? "; the fields are title, body, actor, location, quote, speaker and date" : "");
        }
        long quotes = text.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 1) {
            return "query syntax error: a phrase opened with a quote at column " + (text.lastIndexOf('"') + 1)
                    + " is never closed; add the closing quote";
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return "query syntax error: the ')' at column " + (i + 1) + " closes nothing";
            }
        }
        if (depth > 0) {
            return "query syntax error: " + depth + " '(' never closed; add ')'";
        }
        Matcher column = COLUMN.matcher(String.valueOf(e.getMessage()));
        String where = column.find() ? " at column " + column.group(1) : "";
        return "query syntax error" + where + ": check operators (AND, OR, NOT, +, -), field names and brackets;"
                + " put special characters such as : [ ] { } ^ ~ in quotes to search them literally";
    }

    /** Maps user-facing field names to index fields, and parses date ranges. */
    private static final class FieldMappingParser extends MultiFieldQueryParser {

        FieldMappingParser(Analyzer analyzer) {
            super(new String[] {Fields.TITLE, Fields.BODY}, analyzer, Map.of(Fields.TITLE, TITLE_BOOST, Fields.BODY, 1.0f));
        }

        FieldMappingParser(Analyzer analyzer, String[] defaultFields) {
            super(defaultFields, analyzer);
        }

        private String map(String field) {
            if (field == null) {
                return null;
            }
            String mapped = FIELDS.get(field.toLowerCase());
            return mapped;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if ("date".equalsIgnoreCase(field)) {
                return dateRange(queryText, queryText);
            }
            if (field != null && map(field) == null) {
                // "note: 3:30" is text, not a field: search it as words in the default fields
                return super.getFieldQuery(null, field + " " + queryText, quoted);
            }
            return super.getFieldQuery(map(field), queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field != null && map(field) == null) {
                return super.getFieldQuery(null, field + " " + queryText, slop);
            }
            return super.getFieldQuery(map(field), queryText, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            if ("date".equalsIgnoreCase(field)) {
                return dateRange(part1, part2);
            }
            return super.getRangeQuery(fieldOrFail(field), part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(fieldOrFail(field), termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(fieldOrFail(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(fieldOrFail(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return super.getRegexpQuery(fieldOrFail(field), termStr);
        }

        private String fieldOrFail(String field) throws ParseException {
            if (field == null) {
                return null;
            }
            String mapped = map(field);
            if (mapped == null) {
                throw new ParseException("unknown field '" + field + "'");
            }
            return mapped;
        }

        private static Query dateRange(String from, String to) throws ParseException {
            try {
                Long lower = DateBounds.lower("q", from);
                Long upper = DateBounds.upper("q", to);
                return LongField.newRangeQuery(Fields.DATE,
                        lower == null ? Long.MIN_VALUE : lower, upper == null ? Long.MAX_VALUE : upper);
            } catch (InvalidRequestException e) {
                throw new ParseException("date: " + e.getMessage());
            }
        }
    }
}
