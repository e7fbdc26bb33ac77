package dev.stacks.extract;

import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Follows the documents embedded in a file that is not a message (objects in office files, files
 * attached to a PDF) and inlines their text into the file's own, within the file's
 * {@link EmbeddedBudget}: a document beyond the count or depth limit is skipped, and decoded bytes
 * are charged as they are read so that a bomb stops while it inflates.
 *
 * <p>Embedded documents are parsed with their own {@link ParseContext} (no OCR); a damaged one is
 * skipped, the file's text is kept.
 */
final class InlineEmbedded implements EmbeddedDocumentExtractor {
    private static final Logger log = LoggerFactory.getLogger(InlineEmbedded.class);

    private final ParseContext embeddedContext;
    private final EmbeddedBudget budget;
    private int depth;

    /**
     * @param embeddedContext the context embedded documents are parsed with; must hold the {@link Parser}
     * @param depth           the depth of the file whose embedded documents these are (0 for a top-level file)
     */
    InlineEmbedded(ParseContext embeddedContext, EmbeddedBudget budget, int depth) {
        this.embeddedContext = embeddedContext;
        this.budget = budget;
        this.depth = depth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return budget.admit(depth + 1);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        depth++;
        // the container owns its stream (closing an entry may close the archive); our spool files are ours
        try (TemporaryResources spool = new TemporaryResources()) {
            TikaInputStream in = TikaInputStream.get(CloseShieldInputStream.wrap(new BudgetedInputStream(stream, budget)), spool, metadata);
            Parser parser = embeddedContext.get(Parser.class);
            parser.parse(in, new EmbeddedContentHandler(new BodyContentHandler(handler)), metadata, embeddedContext);
        } catch (TikaException e) {
            if (budget.exceeded()) {
                throw new BudgetedInputStream.ExpansionLimitReached();
            }
            log.debug("embedded document skipped: {}", e.toString());
        } finally {
            depth--;
        }
    }
}
