package dev.stacks.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind name finding: given names with their usual gender (human-names and
 * gender-detection-from-name, MIT), frequent lower-case English words (SCOWL), and our own lists
 * of titles and roles, organisation words and stop words. All look-ups take folded keys.
 */
final class NameLexicon {

    private final Map<String, Character> givenNames;
    private final Set<String> commonWords;
    private final Set<String> stopWords;
    private final Map<String, Boolean> titleWords; // true for a head ("minister"), false for a modifier ("deputy")
    private final Map<String, String> orgWords;    // letters E (ends), B (begins before "of"), F (opens), P (before a place)
    private final Map<String, String> familyFirst; // "" a family name written first, "A" an ambiguous one, "P" a middle part

    private NameLexicon(Map<String, Character> givenNames, Set<String> commonWords, Set<String> stopWords,
                        Map<String, Boolean> titleWords, Map<String, String> orgWords, Map<String, String> familyFirst) {
        this.givenNames = givenNames;
        this.commonWords = commonWords;
        this.stopWords = stopWords;
        this.titleWords = titleWords;
        this.orgWords = orgWords;
        this.familyFirst = familyFirst;
    }

    static NameLexicon load() {
        Map<String, Character> given = new HashMap<>(90_000);
        for (String[] row : ResourceFiles.rows("given-names.tsv.gz")) {
            given.put(Fold.key(row[0]), row.length > 1 && !row[1].isEmpty() ? row[1].charAt(0) : 'u');
        }
        // particles and articles that some given-name lists carry ("El", "De") are never a first name
        for (String particle : new String[] {"el", "al", "la", "le", "de", "del", "da", "di", "du", "van", "von", "der",
                "den", "the", "bin", "ibn", "abu", "san", "santa", "st", "saint", "new", "north", "south", "east", "west"}) {
            given.remove(particle);
        }
        Set<String> common = new HashSet<>(ResourceFiles.lines("common-words.txt.gz"));
        Map<String, Boolean> titlesForGiven = new HashMap<>();
        for (String[] row : ResourceFiles.rows("titles.tsv")) {
            titlesForGiven.put(Fold.key(row[0].strip()), Boolean.TRUE);
        }
        given.keySet().removeAll(titlesForGiven.keySet()); // "General", "King", "Major" introduce names
        Set<String> stop = new HashSet<>();
        for (String w : ResourceFiles.lines("stopwords.txt")) {
            stop.add(w.strip());
        }
        Map<String, Boolean> titles = new HashMap<>();
        for (String[] row : ResourceFiles.rows("titles.tsv")) {
            titles.put(Fold.key(row[0].strip()), "H".equals(ResourceFiles.cell(row, 1)));
        }
        Map<String, String> orgs = new HashMap<>();
        for (String[] row : ResourceFiles.rows("org-words.tsv")) {
            // "fédération" and "federation" fold alike: the word keeps the flags of both
            orgs.merge(Fold.key(row[0].strip()), ResourceFiles.cell(row, 1), String::concat);
        }
        Map<String, String> family = new HashMap<>();
        for (String[] row : ResourceFiles.rows("family-first.tsv")) {
            family.put(Fold.key(row[0].strip()), ResourceFiles.cell(row, 1));
        }
        return new NameLexicon(given, common, stop, titles, orgs, family);
    }

    /** 'm', 'f' or 'u' (either) for a known given name, or 0 when the word is not one. */
    char givenName(String key) {
        Character g = givenNames.get(key);
        return g == null ? 0 : g;
    }

    boolean isGivenName(String key) {
        return givenNames.containsKey(key);
    }

    /** A frequent lower-case English word ("within", "smith", "reading"). */
    boolean isCommonWord(String key) {
        return commonWords.contains(key);
    }

    /** A word that never starts a name (pronouns, function words, months, weekdays). */
    boolean isStopWord(String key) {
        return stopWords.contains(key);
    }

    boolean isTitleWord(String key) {
        return titleWords.containsKey(baseTitle(key));
    }

    /** A title word that may stand right before a name ("minister", "analyst", "Mr", "minister-designate"). */
    boolean isTitleHead(String key) {
        return Boolean.TRUE.equals(titleWords.get(baseTitle(key)));
    }

    private String baseTitle(String key) {
        int dash = key.lastIndexOf('-');
        if (dash > 0 && !titleWords.containsKey(key)) {
            String suffix = key.substring(dash + 1);
            if (suffix.equals("designate") || suffix.equals("elect") || suffix.equals("general")) {
                return key.substring(0, dash);
            }
            // "vice-president", "lieutenant-colonel": a compound of title words is the title its last word is
            for (String part : key.substring(0, dash).split("-")) {
                if (!titleWords.containsKey(part)) {
                    return key;
                }
            }
            return suffix;
        }
        return key;
    }

    /** Whether the organisation word list marks this word with a flag (E end, B begin, F front, P before a place). */
    private boolean hasOrgFlag(String key, char flag) {
        String f = orgWords.get(key);
        return f != null && f.indexOf(flag) >= 0;
    }

    /** An organisation word that ends a name ("Cartel", "Inc", "Ministry"). */
    boolean isOrgEnd(String key) {
        return hasOrgFlag(key, 'E');
    }

    /** An organisation word that may begin a name before "of" ("Bank of Japan", "Ministry of Finance"). */
    boolean isOrgBegin(String key) {
        return hasOrgFlag(key, 'B');
    }

    /** A word that opens an organisation's name, the rest following ("Club Atlético Litoral"). */
    boolean isOrgFront(String key) {
        return hasOrgFlag(key, 'F');
    }

    /** A word that makes a name with the place after it ("Statistics Norway", "University College Cork"). */
    boolean isOrgBeforePlace(String key) {
        return hasOrgFlag(key, 'P');
    }

    /** A Chinese, Korean or Vietnamese family name that comes first in the name ("Zhou", "Kim", "Nguyen"). */
    boolean isFamilyNameFirst(String key) {
        String f = familyFirst.get(key);
        return f != null && !f.equals("P");
    }

    /** Such a family name that is also an everyday or given word ("Park", "Song", "Le"). */
    boolean isAmbiguousFamilyName(String key) {
        return "A".equals(familyFirst.get(key));
    }

    /** Any part of such a name, family name or Vietnamese middle name ("Van", "Thi"). */
    boolean isEastAsianNamePart(String key) {
        return familyFirst.containsKey(key);
    }

    boolean isOrgWord(String key) {
        return orgWords.containsKey(key);
    }
}
