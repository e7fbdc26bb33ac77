package dev.stacks.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the highlighter's passages into HTML snippets: the text escaped, each match (a whole
 * phrase when the query was a phrase) wrapped in {@code <mark>}, long passages clipped around
 * their first match so that a snippet stays short even on a one-line 5 MB page.
 */
final class SnippetFormatter extends PassageFormatter {
    static final int MAX_PASSAGE_CHARS = 280;
    private static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
        List<String> html = new ArrayList<>(passages.length);
        List<Match> matches = new ArrayList<>();
        for (Passage p : passages) {
            int start = p.getStartOffset();
            int end = p.getEndOffset();
            if (end - start > MAX_PASSAGE_CHARS) {
                int anchor = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : start;
                start = Math.max(start, wordStart(content, anchor - MAX_PASSAGE_CHARS / 3));
                end = Math.min(end, wordEnd(content, start + MAX_PASSAGE_CHARS));
            }
            StringBuilder sb = new StringBuilder();
            if (start > 0) {
                sb.append(ELLIPSIS).append(' ');
            }
            int pos = start;
            for (Match m : MatchMerger.merge(content, p.getMatchStarts(), p.getMatchEnds(), p.getNumMatches())) {
                int ms = Math.max(m.start(), pos);
                int me = Math.min(m.end(), end);
                if (me <= ms) {
                    continue;
                }
                escape(content, pos, ms, sb);
                sb.append("<mark>");
                escape(content, ms, me, sb);
                sb.append("</mark>");
                matches.add(new Match(ms, me));
                pos = me;
            }
            escape(content, pos, end, sb);
            if (end < content.length()) {
                sb.append(' ').append(ELLIPSIS);
            }
            html.add(collapseSpaces(sb).strip());
        }
        return new Snippet(html, matches);
    }

    /** As {@code replaceAll("\\s+", " ")}: each run of ASCII white space becomes one space, without a regex per passage. */
    static String collapseSpaces(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    private static int wordStart(String content, int at) {
        int i = Math.max(0, at);
        while (i > 0 && i > at - 20 && !Character.isWhitespace(content.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String content, int at) {
        int i = Math.min(content.length(), at);
        while (i < content.length() && i < at + 20 && !Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i;
    }

    /** HTML-escapes content[from, to) into sb: the only markup a snippet holds is ours. */
    static void escape(String content, int from, int to, StringBuilder sb) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
    }
}
