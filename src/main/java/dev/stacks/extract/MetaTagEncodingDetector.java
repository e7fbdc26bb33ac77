package dev.stacks.extract;

import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.HtmlEncodingDetector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Tika's default encoding detection for plain text, with the same result, that skips the HTML
 * detector when the text's head has no meta tag for it to find. That detector decodes the first 8 KB
 * into a string and runs three regular expressions over it (the costliest step of reading a news
 * story) to look for {@code <meta ... charset=...>}; ordinary text has no {@code <meta}, so it finds
 * nothing and the next detector (juniversalchardet) decides, as it does here.
 *
 * <p>Same result because the default chain stops at the first detector that names a charset, and the
 * HTML detector can name one only when its head holds {@code <}, optional white space and
 * {@code meta} in any case: in the head as it is, or once its {@code <!--} comments are removed, so
 * a head with a comment is always scanned.
 */
final class MetaTagEncodingDetector implements EncodingDetector {
    private static final long serialVersionUID = 1L;

    private final CompositeEncodingDetector all;
    private final HtmlEncodingDetector metaTags;
    private final EncodingDetector withoutMetaTags;

    MetaTagEncodingDetector() {
        this(new DefaultEncodingDetector());
    }

    MetaTagEncodingDetector(CompositeEncodingDetector all) {
        this.all = all;
        List<EncodingDetector> detectors = all.getDetectors();
        this.metaTags = (HtmlEncodingDetector) detectors.stream().filter(HtmlEncodingDetector.class::isInstance)
                .findFirst().orElse(null);
        // leaf detectors in the same order, so that the one that decides is recorded under its own name
        this.withoutMetaTags = new CompositeEncodingDetector(
                detectors.stream().filter(d -> !(d instanceof HtmlEncodingDetector)).toList());
    }

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null || metaTags == null || mayHoldMetaTag(input, metaTags.getMarkLimit())) {
            return all.detect(input, metadata);
        }
        return withoutMetaTags.detect(input, metadata);
    }

    /** Reads what the HTML detector would read, and puts it back. */
    private static boolean mayHoldMetaTag(InputStream input, int markLimit) throws IOException {
        input.mark(markLimit);
        byte[] head = new byte[markLimit];
        int length;
        try {
            length = input.readNBytes(head, 0, head.length);
        } finally {
            input.reset();
        }
        return mayHoldMetaTag(head, length);
    }

    /** Whether the bytes hold {@code <!--} or {@code <}, then ASCII white space, then {@code meta} in any case. */
    static boolean mayHoldMetaTag(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] != '<') {
                continue;
            }
            int j = i + 1;
            if (j + 2 < length && head[j] == '!' && head[j + 1] == '-' && head[j + 2] == '-') {
                return true;
            }
            while (j < length && isSpace(head[j])) {
                j++;
            }
            if (j + 3 < length && lower(head[j]) == 'm' && lower(head[j + 1]) == 'e' && lower(head[j + 2]) == 't'
                    && lower(head[j + 3]) == 'a') {
                return true;
            }
        }
        return false;
    }

    /** What {@code \s} matches. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r';
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
