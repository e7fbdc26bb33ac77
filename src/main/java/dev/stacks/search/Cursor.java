package dev.stacks.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Deep paging without a 10,000 wall: the sort values of the last hit of a page, as an opaque
 * URL-safe token; the next page starts after them (Lucene searchAfter). The id is always the
 * last sort key, so the position survives index refreshes.
 */
final class Cursor {
    private Cursor() {
    }

    /** Encodes [primary value, id] of a FieldDoc: "s:<float>|<id>" or "l:<long>|<id>". */
    static String encode(FieldDoc doc) {
        Object primary = doc.fields[0];
        String id = ((BytesRef) doc.fields[1]).utf8ToString();
        String head = primary instanceof Float f ? "s:" + Float.floatToIntBits(f) : "l:" + primary;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((head + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(String cursor, SortOrder sort, int maxDoc) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            String head = s.substring(0, bar);
            BytesRef id = new BytesRef(s.substring(bar + 1));
            Object primary;
            if (head.startsWith("s:") && sort == SortOrder.RELEVANCE) {
                primary = Float.intBitsToFloat(Integer.parseInt(head.substring(2)));
            } else if (head.startsWith("l:") && sort != SortOrder.RELEVANCE) {
                primary = Long.parseLong(head.substring(2));
            } else {
                throw new IllegalArgumentException("cursor of another sort");
            }
            // Equal on every sort key means the same document (ids are unique); the highest doc
            // number keeps that document itself out of the next page.
            return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, new Object[] {primary, id});
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "the cursor is not valid for this sort; start again from page 1 without cursor");
        }
    }
}
