package dev.stacks.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Joins matches that overlap or stand next to each other (only spaces or a little punctuation
 * between them) into one, so that a matched phrase is marked as one span, not word by word.
 */
final class MatchMerger {
    private static final int MAX_GAP = 3;

    private MatchMerger() {
    }

    static List<Match> merge(String content, int[] starts, int[] ends, int n) {
        Match[] sorted = new Match[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = new Match(starts[i], ends[i]);
        }
        Arrays.sort(sorted, Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return merge(content, Arrays.asList(sorted));
    }

    /** {@code matches} sorted by start. */
    static List<Match> merge(String content, List<Match> matches) {
        List<Match> merged = new ArrayList<>();
        for (Match m : matches) {
            Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (m.start() <= last.end() || onlySeparators(content, last.end(), m.start()))) {
                merged.set(merged.size() - 1, new Match(last.start(), Math.max(last.end(), m.end())));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    private static boolean onlySeparators(String content, int from, int to) {
        if (to - from > MAX_GAP || to > content.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(content.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
