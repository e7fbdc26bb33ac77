package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Well-known organisations ({@code orgs.tsv}, our own list): their canonical names, aliases and
 * acronyms, so that "IMF", "the International Monetary Fund" and "I.M.F." in any article are one
 * facet value. Acronyms match only in capitals; one that names several organisations ("ICO",
 * "ITC") is settled by the context words listed for each.
 */
final class OrgDirectory {

    record Org(String name, List<String> acronyms, Set<String> context) {
    }

    private final Map<String, List<Org>> byKey = new HashMap<>();
    private final Map<String, List<Org>> byAcronym = new HashMap<>();
    private final Map<String, Org> byName = new HashMap<>();
    private int maxTokens = 1;

    static OrgDirectory load() {
        OrgDirectory d = new OrgDirectory();
        for (String[] row : ResourceFiles.rows("orgs.tsv")) {
            String name = ResourceFiles.cell(row, 0);
            List<String> aliases = ResourceFiles.list(row, 1);
            List<String> acronyms = new ArrayList<>();
            for (String a : aliases) {
                if (isAcronym(a)) {
                    acronyms.add(a);
                }
            }
            Set<String> context = Set.copyOf(ResourceFiles.list(row, 2));
            Org org = new Org(name, List.copyOf(acronyms), context);
            d.byName.put(Fold.key(name), org);
            d.addKey(name, org);
            for (String a : aliases) {
                if (isAcronym(a)) {
                    d.byAcronym.computeIfAbsent(a.replace(".", ""), k -> new ArrayList<>()).add(org);
                } else {
                    d.addKey(a, org);
                }
            }
        }
        PhrasePrefixes.addTo(d.byKey);
        return d;
    }

    /** ALL-CAPS (dots and digits allowed, one lower-case letter at most: "AfDB" is not, "G7" is). */
    static boolean isAcronym(String s) {
        String letters = s.replace(".", "").replace("-", "");
        if (letters.length() < 2 || letters.length() > 8) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return upper >= 1;
    }

    private void addKey(String phrase, Org org) {
        String key = Gazetteer.phraseKey(phrase);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(org);
        maxTokens = Math.max(maxTokens, key.split(" ").length);
    }

    int maxTokens() {
        return maxTokens;
    }

    /**
     * How many tokens from {@code from} a phrase may run and still be a name or alias: at most
     * {@code max} and {@link #maxTokens()}, 0 when none starts with that token. See {@link PhrasePrefixes}.
     */
    int reach(Tokens t, int from, int max) {
        return PhrasePrefixes.reach(byKey, t, from, Math.min(maxTokens, max));
    }

    /** Organisations whose name or (non-acronym) alias has this folded phrase key. */
    List<Org> byPhrase(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** Organisations with this acronym, written in capitals without dots ("IMF", "UN"). */
    List<Org> byAcronym(String acronym) {
        return byAcronym.getOrDefault(acronym, List.of());
    }

    /** A known organisation by canonical name, or null. */
    Org byName(String name) {
        return byName.get(Fold.key(name));
    }

    /** Picks among several readings the one whose context words occur in the text (folded words), else the first. */
    static Org choose(List<Org> orgs, Tokens text) {
        if (orgs.size() == 1) {
            return orgs.get(0);
        }
        for (Org o : orgs) {
            for (String w : o.context()) {
                if (text.contains(w.toLowerCase(Locale.ROOT))) {
                    return o;
                }
            }
        }
        return orgs.get(0);
    }
}
