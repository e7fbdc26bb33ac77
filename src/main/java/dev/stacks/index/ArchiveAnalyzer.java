package dev.stacks.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;

/**
 * The one analyzer for indexing and querying, so that a query typed on a phone finds text typed
 * in an office: apostrophes of every kind are dropped ("Trump’s" = "Trump's" = "Trumps"), quote
 * glyphs become plain quotes (punctuation to the tokenizer), words split on punctuation, lower-cased
 * and folded to ASCII ("Michoacán" = "Michoacan"). No stemming: exact quotes must stay exact.
 * The char filter corrects offsets, so highlights land on the original characters.
 */
public final class ArchiveAnalyzer extends Analyzer {
    private static final NormalizeCharMap FOLDING = buildFolding();

    /** Per field: the body's near pairs ({@link Fields#BODY_NEAR}) end in a filter of their own. */
    public ArchiveAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    private static NormalizeCharMap buildFolding() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"'", "\u2018", "\u2019", "\u201B", "\u02BC", "\u2032", "\uFF07"}) {
            map.add(apostrophe, "");
        }
        for (String quote : new String[] {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB",
                "\u2039", "\u203A", "\u300C", "\u300D", "\u300E", "\u300F", "\uFF02"}) {
            map.add(quote, "\"");
        }
        // soft hyphens and zero-width characters split words in extracted PDFs
        for (String invisible : new String[] {"\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
            map.add(invisible, "");
        }
        return map.build();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    /** Values of a multi-valued field (quotes, names) stand apart: no phrase spans two of them. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return 1;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (fieldName.equals(Fields.BODY_NEAR)) {
            stream = new NearPairs.PairFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
