package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets a phrase look-up stop as soon as no dictionary phrase starts with the words read so far.
 * The finders try every length of phrase at a capitalised word, longest first; building and hashing
 * a phrase key for each length was a large share of enrichment, while most words start no phrase
 * of two words or more. A dictionary that {@link #addTo} has prepared maps each word-prefix of its
 * keys ("bank of" for "bank of japan") that is not a key itself to an empty list, so that
 * {@link #reach} can extend a phrase one word at a time with the same map.
 *
 * <p>Keys are phrase keys as {@link Tokens#phraseKey} writes them: token keys joined by single
 * spaces. A token key never holds a space, so the first n words of a phrase are exactly the key up
 * to its n-th space.
 */
final class PhrasePrefixes {

    private PhrasePrefixes() {
    }

    /** Adds each word-prefix of the keys that is not a key itself, mapped to an empty list. */
    static <V> void addTo(Map<String, List<V>> byKey) {
        List<String> prefixes = new ArrayList<>();
        for (String key : byKey.keySet()) {
            for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
                prefixes.add(key.substring(0, space));
            }
        }
        for (String prefix : prefixes) {
            byKey.putIfAbsent(prefix, List.of());
        }
    }

    /**
     * The number of tokens from {@code from}, at most {@code max}, up to which a phrase may still be
     * a key of the prepared map: 0 when no key starts with the first token. A phrase of more tokens
     * than this is certainly not a key.
     */
    static int reach(Map<String, ?> byKey, Tokens t, int from, int max) {
        if (max < 1 || !byKey.containsKey(t.key(from))) {
            return 0;
        }
        int reach = 1;
        StringBuilder phrase = null;
        while (reach < max) {
            if (phrase == null) {
                phrase = new StringBuilder(32).append(t.key(from));
            }
            phrase.append(' ').append(t.key(from + reach));
            if (!byKey.containsKey(phrase.toString())) {
                break;
            }
            reach++;
        }
        return reach;
    }
}
