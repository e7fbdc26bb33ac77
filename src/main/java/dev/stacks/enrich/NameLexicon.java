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

    /**
     * What the word lists say about one folded word, so that one look-up answers every question
     * the finders ask about a token (they ask several, and each was a probe of a large map).
     *
     * @param gender        'm', 'f' or 'u' (either) for a given name, 0 otherwise
     * @param isCommonWord  a frequent lower-case English word ("within", "smith", "reading")
     * @param isStopWord    a word that never starts a name (pronouns, function words, months, weekdays)
     * @param isTitleWord   a title or role word ("deputy", "minister", "vice-president")
     * @param isTitleHead   a title word that may stand right before a name ("minister", "analyst", "Mr",
     *                      "minister-designate")
     * @param orgFlags      the organisation word's flags (E ends, B begins before "of", F opens, P before a
     *                      place), null if it is none
     * @param familyFirst   "" for a family name written first, "A" an ambiguous one, "P" a middle part, null if none
     */
    record Word(char gender, boolean isCommonWord, boolean isStopWord, boolean isTitleWord, boolean isTitleHead,
                String orgFlags, String familyFirst) {

        static final Word NONE = new Word((char) 0, false, false, false, false, null, null);

        boolean isGivenName() {
            return gender != 0;
        }

        boolean isOrgWord() {
            return orgFlags != null;
        }

        /** An organisation word that ends a name ("Cartel", "Inc", "Ministry"). */
        boolean isOrgEnd() {
            return hasOrgFlag('E');
        }

        /** An organisation word that may begin a name before "of" ("Bank of Japan", "Ministry of Finance"). */
        boolean isOrgBegin() {
            return hasOrgFlag('B');
        }

        /** A word that opens an organisation's name, the rest following ("Club Atlético Litoral"). */
        boolean isOrgFront() {
            return hasOrgFlag('F');
        }

        /** A word that makes a name with the place after it ("Statistics Norway", "University College Cork"). */
        boolean isOrgBeforePlace() {
            return hasOrgFlag('P');
        }

        private boolean hasOrgFlag(char flag) {
            return orgFlags != null && orgFlags.indexOf(flag) >= 0;
        }

        /** A Chinese, Korean or Vietnamese family name that comes first in the name ("Zhou", "Kim", "Nguyen"). */
        boolean isFamilyNameFirst() {
            return familyFirst != null && !familyFirst.equals("P");
        }

        /** Such a family name that is also an everyday or given word ("Park", "Song", "Le"). */
        boolean isAmbiguousFamilyName() {
            return "A".equals(familyFirst);
        }

        /** Any part of such a name, family name or Vietnamese middle name ("Van", "Thi"). */
        boolean isEastAsianNamePart() {
            return familyFirst != null;
        }
    }

    /** Every word of any list, with what the lists say about it. */
    private final Map<String, Word> words;
    private final Map<String, Boolean> titleWords; // true for a head ("minister"), false for a modifier ("deputy")

    private NameLexicon(Map<String, Word> words, Map<String, Boolean> titleWords) {
        this.words = words;
        this.titleWords = titleWords;
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
        Set<String> all = new HashSet<>(given.keySet());
        all.addAll(common);
        all.addAll(stop);
        all.addAll(titles.keySet());
        all.addAll(orgs.keySet());
        all.addAll(family.keySet());
        NameLexicon lexicon = new NameLexicon(new HashMap<>(all.size() * 2), titles);
        Map<Word, Word> shared = new HashMap<>(); // a few hundred kinds of word for some 150,000 words
        for (String key : all) {
            Character g = given.get(key);
            Word w = lexicon.withTitle(new Word(g == null ? 0 : g, common.contains(key), stop.contains(key), false, false,
                    orgs.get(key), family.get(key)), key);
            lexicon.words.put(key, shared.computeIfAbsent(w, x -> x));
        }
        return lexicon;
    }

    /** What the lists say about a folded word. */
    Word word(String key) {
        Word w = words.get(key);
        if (w != null) {
            return w;
        }
        // a compound of title words is a title word even when no list has it ("minister-designate")
        return key.lastIndexOf('-') > 0 ? withTitle(Word.NONE, key) : Word.NONE;
    }

    /** What the lists say about token i, looked up once per token (see {@link Tokens#word}). */
    Word word(Tokens t, int i) {
        return t.word(i, this);
    }

    /** 'm', 'f' or 'u' (either) for a known given name, or 0 when the word is not one. */
    char givenName(String key) {
        return word(key).gender();
    }

    /** The word with its title facts, which for a compound ("vice-president") come from its parts. */
    private Word withTitle(Word w, String key) {
        Boolean head = titleWords.get(baseTitle(key));
        return head == null ? w : new Word(w.gender(), w.isCommonWord(), w.isStopWord(), true, head, w.orgFlags(), w.familyFirst());
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
}
