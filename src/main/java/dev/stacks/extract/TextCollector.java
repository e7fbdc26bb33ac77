package dev.stacks.extract;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.Locale;
import java.util.Set;

/**
 * Collects the body text of Tika's XHTML events, up to a character limit, leaving out what is
 * not article text: navigation, headers, footers, asides, forms, scripts and styles. When the
 * document marks its story with {@code <article>} or {@code <main>}, that text is kept apart so the
 * extractor can prefer it to the whole page.
 *
 * <p>At the limit it throws {@link LimitReached} to stop the parser at once rather than let it read
 * the rest of a huge file for nothing.
 */
final class TextCollector extends DefaultHandler {

    /** Thrown to stop parsing when the write limit is reached; never escapes the extractor. */
    static final class LimitReached extends SAXException {
        LimitReached() {
            super("write limit reached");
        }
    }

    private static final Set<String> BOILERPLATE = Set.of(
            "nav", "header", "footer", "aside", "form", "script", "style", "noscript",
            "button", "select", "option", "textarea", "template", "svg", "menu", "dialog", "head", "title");
    private static final Set<String> STORY = Set.of("article", "main");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
            "section", "article", "main", "table", "ul", "ol", "dd", "dt", "hr");

    private final int limit;
    private final StringBuilder all = new StringBuilder();
    private final StringBuilder story = new StringBuilder();
    private int skipDepth;
    private int storyDepth;
    private boolean truncated;

    TextCollector(int limit) {
        this.limit = limit;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = name(localName, qName);
        if (BOILERPLATE.contains(name) || "navigation".equals(atts.getValue("role"))) {
            skipDepth++;
        } else if (STORY.contains(name)) {
            storyDepth++;
        }
        if (BLOCKS.contains(name)) {
            newline();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = name(localName, qName);
        if (BLOCKS.contains(name)) {
            newline();
        }
        if (BOILERPLATE.contains(name) && skipDepth > 0) {
            skipDepth--;
        } else if (STORY.contains(name) && storyDepth > 0) {
            storyDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void newline() throws SAXException {
        if (skipDepth == 0) {
            append(new char[] {'\n'}, 0, 1);
        }
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        int room = limit - all.length();
        if (room <= 0) {
            truncated = true;
            throw new LimitReached();
        }
        int n = Math.min(room, length);
        all.append(ch, start, n);
        if (storyDepth > 0) {
            story.append(ch, start, n);
        }
        if (n < length) {
            truncated = true;
            throw new LimitReached();
        }
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n.toLowerCase(Locale.ROOT);
    }

    /** The story's text when the page marked one and it has substance, else all non-boilerplate text. */
    String text() {
        String marked = story.toString();
        return marked.isBlank() || marked.strip().length() < 200 && all.length() > 4 * marked.length()
                ? all.toString() : marked;
    }

    boolean truncated() {
        return truncated;
    }
}
