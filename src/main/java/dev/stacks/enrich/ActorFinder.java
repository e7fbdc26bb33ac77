package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which name segments are people and organisations, and ties every later mention to one
 * canonical name within the article: a surname to the full name ("Oseguera" → "Nemesio Oseguera
 * Cervantes"), a nickname to its bearer ("El Mencho", from «known as “El Mencho”» or
 * «Ismael “El Mayo” Zambada»), an acronym to the organisation it was defined for ("CJNG" after
 * "Jalisco New Generation Cartel (CJNG)").
 *
 * <p>A name is a person when a title or role stands before it ("President", "press secretary"), when
 * it starts with a known given name and has a surname, or when the sentence treats it as one (an
 * age "X, 59,", an appositive role "X, a former official", a speech verb "X said", "said X",
 * "according to X") and none of its words is an everyday English word. Anything less certain is
 * dropped: every actor is a facet value that users see.
 */
final class ActorFinder {

    /** Verbs that introduce speech; shared with {@link QuoteFinder}. */
    static final Set<String> SPEECH_VERBS = Set.of("said", "says", "say", "told", "tells", "added", "adds", "stated",
            "states", "wrote", "writes", "warned", "warns", "urged", "urges", "explained", "explains", "noted", "notes",
            "insisted", "insists", "argued", "argues", "declared", "declares", "stressed", "stresses", "asked", "asks",
            "replied", "replies", "tweeted", "posted", "commented", "continued", "concluded", "cautioned", "cautions",
            "acknowledged", "admitted", "claimed", "claims", "described", "describes", "called", "calls", "predicted",
            "recalled", "remarked", "responded", "suggested", "announced", "confirmed", "testified", "believes",
            "thinks", "thought", "pledged", "vowed", "promised", "conceded", "complained", "boasted",
            "estimated", "forecast", "predicts", "reported", "emphasised", "emphasized", "observed", "wondered");

    /** An actor being built: canonical name, type, usual gender ('m', 'f', 'u') and mentions. */
    static final class Entity {
        String name;
        final ActorType type;
        final String[] tokens;
        final char gender;
        final List<Mention> mentions = new ArrayList<>();
        Entity mergedInto;

        Entity(String name, ActorType type, char gender) {
            this.name = name;
            this.type = type;
            this.gender = gender;
            this.tokens = Fold.key(name).split("[\\s-]+");
        }

        Entity root() {
            Entity e = this;
            while (e.mergedInto != null) {
                e = e.mergedInto;
            }
            return e;
        }
    }

    /** One mention: tokens [from, to), chars [start, end). */
    record Mention(int from, int to, int start, int end, Entity entity) {
        Entity actor() {
            return entity.root();
        }
    }

    /** The actors found, every mention in text order, and which tokens the mentions cover. */
    record Result(List<Actor> actors, List<Mention> mentions, BitSet claimed) {
    }

    private final NameLexicon lexicon;
    private final java.util.function.Predicate<String> placeLike;

    /** @param placeLike whether a folded word is a place name (the gazetteer's answer) */
    ActorFinder(NameLexicon lexicon, java.util.function.Predicate<String> placeLike) {
        this.lexicon = lexicon;
        this.placeLike = placeLike;
    }

    Result find(Tokens t, List<Segmenter.Segment> segments) {
        Map<String, Entity> persons = new LinkedHashMap<>();
        Map<String, Entity> orgs = new LinkedHashMap<>();
        Map<String, Entity> aliases = new HashMap<>();   // folded nickname or doc-defined acronym → entity
        List<Mention> mentions = new ArrayList<>();
        List<Segmenter.Segment> pending = new ArrayList<>();

        for (int si = 0; si < segments.size(); si++) {
            Segmenter.Segment s = segments.get(si);
            switch (s.type()) {
                case ORG -> {
                    Entity defined = s.to() - s.from() == 1 && t.isAllCaps(s.from()) ? aliases.get(t.text(s.from()).replace(".", "")) : null;
                    Entity e = defined != null ? defined : organisation(t, s, orgs);
                    mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                    String acronym = acronymAfter(t, s.to());
                    if (acronym != null) {
                        aliases.putIfAbsent(acronym, e);
                    }
                }
                case NAME -> {
                    Entity known = aliases.get(t.phraseKey(s.from(), s.to()));
                    if (known == null) {
                        known = orgStartingWith(orgs, t.phraseKey(s.from(), s.to()).split("[\\s-]+"));
                    }
                    if (known != null) {
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), known));
                        continue;
                    }
                    if (weakStart(t, s)) {
                        // "Vigil described …", "Security analyst …": a capitalised everyday word opening a
                        // sentence is only a name if it refers back to one, or if the rest is a name
                        pending.add(s);
                        if (s.to() - s.from() >= 2) {
                            s = new Segmenter.Segment(s.type(), s.from() + 1, s.to(), t.start(s.from() + 1), s.end(),
                                    null, null, null, false, s.nickFrom(), s.nickTo());
                        } else {
                            continue;
                        }
                    }
                    String acronym = acronymAfter(t, s.to());
                    if (acronym != null && s.to() - s.from() >= 2 && initialsMatch(t, s, acronym) && !givenNameFirst(t, s)) {
                        Entity e = organisation(t, s, orgs);
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                        aliases.putIfAbsent(acronym, e);
                    } else if (employer(t, s)) {
                        Entity e = organisation(t, s, orgs);
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                    } else if (isPerson(t, s)) {
                        String name = personName(t, s);
                        char gender = lexicon.givenName(t.key(s.from()));
                        Entity e = persons.computeIfAbsent(Fold.key(name), k -> new Entity(name, ActorType.PERSON, gender == 0 ? 'u' : gender));
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                        if (s.nickFrom() >= 0) {
                            aliases.putIfAbsent(t.phraseKey(s.nickFrom(), s.nickTo()), e);
                        }
                        String nick = knownAs(t, s.to());
                        if (nick != null) {
                            aliases.putIfAbsent(nick, e);
                        }
                    } else {
                        pending.add(s);
                    }
                }
                case PLACE -> {
                    if (s.places().get(0).level() == Gazetteer.Level.PLACE && s.to() - s.from() <= 2) {
                        pending.add(s);
                    }
                }
                default -> {
                }
            }
        }

        mergePersons(persons, mentions);
        dropPersonNamedOrgs(orgs, persons, mentions);
        resolvePending(t, pending, persons, orgs, aliases, mentions);
        acronymMentions(t, aliases, mentions);

        mentions.sort(Comparator.comparingInt(Mention::start));
        BitSet claimed = new BitSet(t.size());
        List<Mention> kept = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (claimed.get(m.from(), m.to()).isEmpty()) {
                claimed.set(m.from(), m.to());
                kept.add(m);
                m.actor().mentions.add(m);
            }
        }
        List<Actor> actors = new ArrayList<>();
        Map<Entity, Boolean> seen = new LinkedHashMap<>();
        for (Mention m : kept) {
            seen.putIfAbsent(m.actor(), Boolean.TRUE);
        }
        for (Entity e : seen.keySet()) {
            List<Span> spans = new ArrayList<>(e.mentions.size());
            for (Mention m : e.mentions) {
                spans.add(new Span(m.start(), m.end()));
            }
            actors.add(new Actor(e.name, e.type, spans));
        }
        return new Result(actors, kept, claimed);
    }

    // ------------------------------------------------------------------ organisations

    /**
     * The organisation a segment names. Known ones take their canonical name; others the name as
     * introduced ("Immeubles Verdier Inc."), and a later shorter form without the legal suffix
     * ("American Motors" after "American Motors Corp") is the same organisation.
     */
    private static Entity organisation(Tokens t, Segmenter.Segment s, Map<String, Entity> orgs) {
        String name;
        int last = s.to() - 1;
        if (s.org() != null) {
            name = s.org().name();
        } else {
            int end = s.end();
            if (s.to() < t.size() && t.isPunct(s.to(), '.') && Segmenter.LEGAL_FORMS.contains(t.key(last))
                    && t.end(last) == t.start(s.to())) {
                end = t.end(s.to()); // "Inc." as written
            }
            name = Fold.name(t.text.substring(s.start(), end));
        }
        int keyTo = s.to();
        while (keyTo - 1 > s.from() && (Segmenter.LEGAL_FORMS.contains(t.key(keyTo - 1))
                || t.isLower(keyTo - 1) || t.isPunct(keyTo - 1, '&'))) {
            keyTo--;
        }
        String key = s.org() != null ? Fold.key(name) : t.phraseKey(s.from(), keyTo);
        Entity e = orgs.get(key);
        if (e == null) {
            e = new Entity(name, ActorType.ORGANISATION, 'u');
            orgs.put(key, e);
        } else if (name.length() > e.name.length() && s.org() == null) {
            e.name = name;
        }
        return e;
    }

    /** "Barclays de Zoete Wedd analyst Rick May": a name right before a role and a name is the employer. */
    private boolean employer(Tokens t, Segmenter.Segment s) {
        int k = s.to();
        if (k + 1 >= t.size() || !t.isLower(k) || !lexicon.isTitleHead(t.key(k)) || givenNameFirst(t, s)
                || s.to() - s.from() == 1 && Segmenter.LEGAL_FORMS.contains(t.key(s.from()))) {
            return false;
        }
        int next = k + 1;
        while (next < t.size() && t.isLower(next) && lexicon.isTitleWord(t.key(next))) {
            next++;
        }
        if (next >= t.size() || !t.isCapitalized(next)) {
            return false;
        }
        for (int i = s.from(); i < s.to(); i++) {
            if (t.isWord(i) && lexicon.isCommonWord(t.key(i)) && !lexicon.isOrgWord(t.key(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ persons

    private boolean weakStart(Tokens t, Segmenter.Segment s) {
        int f = s.from();
        String k = t.key(f);
        return t.sentenceStart(f) && !t.isAllCaps(f) && lexicon.isCommonWord(k)
                && !(lexicon.isGivenName(k) && s.to() - f >= 2);
    }

    /** A known given name first, or after initials ("C. William Verity"). */
    private boolean givenNameFirst(Tokens t, Segmenter.Segment s) {
        int k = s.from();
        while (k + 1 < s.to() && (t.isPunct(k, '.') || t.end(k) - t.start(k) == 1 && Character.isUpperCase(t.first(k)))) {
            k++;
        }
        return lexicon.isGivenName(t.key(k)) && k < s.to() - 1;
    }

    private boolean isPerson(Tokens t, Segmenter.Segment s) {
        int len = s.to() - s.from();
        if (len > 6 || !plausibleName(t, s)) {
            return false;
        }
        if (s.titled()) {
            return len > 1 || !lexicon.isStopWord(t.key(s.from()));
        }
        if (len >= 2 && s.nickFrom() >= 0) {
            return true;
        }
        if (len >= 2 && givenNameFirst(t, s) && !t.isAllCaps(s.from())) {
            // "Paris Accord", "General Agreements": a given name that is also a place or a word,
            // before an everyday word, is not a person
            String firstKey = t.key(s.from());
            String lastKey = t.key(s.to() - 1);
            for (int k = s.from(); k < s.to(); k++) {
                if (t.isWord(k) && lexicon.isOrgWord(t.key(k))) {
                    return false; // "Court House", "Grant Thornton Group"
                }
            }
            boolean ambiguousFirst = placeLike.test(firstKey);
            if (ambiguousFirst && lexicon.isCommonWord(lastKey)) {
                return false;
            }
            // "Morning Star", "Mike Vigil": two everyday words are a name only if the sentence says so
            return !(lexicon.isCommonWord(firstKey) && lexicon.isCommonWord(lastKey)) || contextSaysPerson(t, s.from(), s.to());
        }
        if (len < 2) {
            return false;
        }
        for (int k = s.from(); k < s.to(); k++) {
            if (t.isWord(k) && t.isCapitalized(k) && (lexicon.isCommonWord(t.key(k)) || lexicon.isOrgWord(t.key(k)))) {
                return false;
            }
        }
        return contextSaysPerson(t, s.from(), s.to());
    }

    /** Capitalised words, particles and initials only; no digits, no acronyms but initials. */
    private boolean plausibleName(Tokens t, Segmenter.Segment s) {
        for (int k = s.from(); k < s.to(); k++) {
            if (s.nickFrom() >= 0 && k >= s.nickFrom() - 1 && k <= s.nickTo()) {
                continue;
            }
            if (t.kind(k) == Tokens.Kind.PUNCT && t.isPunct(k, '.')) {
                continue;
            }
            if (!t.isWord(k)) {
                return false;
            }
            String text = t.text(k);
            for (int c = 0; c < text.length(); c++) {
                if (Character.isDigit(text.charAt(c))) {
                    return false;
                }
            }
            if (t.isAllCaps(k) && text.replace(".", "").length() > 1 && !(text.length() <= 4 && text.contains("."))) {
                return false;
            }
        }
        return true;
    }

    private boolean contextSaysPerson(Tokens t, int from, int to) {
        int n = t.size();
        if (to < n && t.isLower(to) && lexicon.isTitleHead(t.key(to))) {
            return false; // "… Wedd analyst Rick May": an employer
        }
        // "X, 59,"
        if (to + 2 < n && t.isPunct(to, ',') && t.kind(to + 1) == Tokens.Kind.NUMBER && (t.isPunct(to + 2, ',') || t.isPunct(to + 2, ')'))) {
            return true;
        }
        // "X, a former official", "X, who"
        if (to + 1 < n && t.isPunct(to, ',')) {
            if (t.key(to + 1).equals("who")) {
                return true;
            }
            for (int k = to + 1; k < Math.min(n, to + 8); k++) {
                if (t.kind(k) == Tokens.Kind.PUNCT && ".;:\"“”".indexOf(t.first(k)) >= 0) {
                    break;
                }
                if (t.isWord(k) && lexicon.isTitleHead(t.key(k))) {
                    return true;
                }
            }
        }
        // "Japan's Minister of International Trade and Industry, Hajime Tamura"
        if (from >= 2 && t.isPunct(from - 1, ',')) {
            for (int k = from - 2; k >= Math.max(0, from - 8); k--) {
                if (t.kind(k) == Tokens.Kind.PUNCT && ".;:\"“”".indexOf(t.first(k)) >= 0) {
                    break;
                }
                if (t.isWord(k) && lexicon.isTitleHead(t.key(k))) {
                    return true;
                }
            }
        }
        // "X said", "said X", "according to X"
        if (to < n && t.isLower(to) && SPEECH_VERBS.contains(t.key(to))) {
            return true;
        }
        if (from >= 1 && t.isLower(from - 1) && SPEECH_VERBS.contains(t.key(from - 1))) {
            return true;
        }
        return from >= 2 && t.key(from - 2).equals("according") && t.key(from - 1).equals("to");
    }

    /** The name as written, without a quoted nickname and with single spaces. */
    private static String personName(Tokens t, Segmenter.Segment s) {
        if (s.nickFrom() < 0 || s.nickFrom() - 2 < s.from() || s.nickTo() + 1 >= s.to()) {
            return Fold.name(t.text.substring(s.start(), s.end()));
        }
        String before = t.text.substring(s.start(), t.end(s.nickFrom() - 2));
        String after = t.text.substring(t.start(s.nickTo() + 1), s.end());
        return Fold.name(before + " " + after);
    }

    /** «X, known as “El Mencho”»: the folded nickname, or null. */
    private static String knownAs(Tokens t, int to) {
        int n = t.size();
        int k = to;
        if (k < n && t.isPunct(k, ',')) {
            k++;
        }
        if (k + 1 < n && (t.key(k).equals("known") || t.key(k).equals("also")) ) {
            while (k < n && (t.key(k).equals("also") || t.key(k).equals("known") || t.key(k).equals("as"))) {
                k++;
            }
        } else if (k < n && (t.key(k).equals("nicknamed") || t.key(k).equals("dubbed") || t.key(k).equals("alias")
                || t.key(k).equals("aka"))) {
            k++;
        } else {
            return null;
        }
        if (k < n && t.kind(k) == Tokens.Kind.PUNCT && "\"“‘'".indexOf(t.first(k)) >= 0) {
            k++;
        }
        int s = k;
        while (k < n && k - s < 4 && t.isCapitalized(k)) {
            k++;
        }
        return k > s ? t.phraseKey(s, k) : null;
    }

    /** Folds shorter names into the full name they are part of: "Guzmán" → "Joaquín Guzmán". */
    private static void mergePersons(Map<String, Entity> persons, List<Mention> mentions) {
        List<Entity> all = new ArrayList<>(persons.values());
        all.sort(Comparator.comparingInt((Entity e) -> e.tokens.length).reversed());
        for (Entity shorter : all) {
            Entity best = null;
            for (Entity longer : all) {
                if (longer == shorter || longer.tokens.length <= shorter.tokens.length || longer.mergedInto != null) {
                    continue;
                }
                int at = indexOf(longer.tokens, shorter.tokens);
                if (at > 0 || (at == 0 && shorter.tokens.length >= 2)) {
                    if (best == null) {
                        best = longer;
                    }
                }
            }
            if (best != null) {
                shorter.mergedInto = best;
            }
        }
    }

    private static int indexOf(String[] hay, String[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (!hay[i + j].equals(needle[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** "Trump Administration" is the government of a person already named, not an organisation's name. */
    private static void dropPersonNamedOrgs(Map<String, Entity> orgs, Map<String, Entity> persons, List<Mention> mentions) {
        for (Entity org : orgs.values()) {
            if (org.tokens.length < 2) {
                continue;
            }
            String[] modifiers = java.util.Arrays.copyOf(org.tokens, org.tokens.length - 1);
            for (Entity p : persons.values()) {
                if (p.root().tokens.length >= 2 && indexOf(p.root().tokens, modifiers) >= 0) {
                    mentions.removeIf(m -> m.entity() == org);
                    break;
                }
            }
        }
    }

    /** Surnames, nicknames and partial names that refer back to a person named in full. */
    private void resolvePending(Tokens t, List<Segmenter.Segment> pending, Map<String, Entity> persons,
                                Map<String, Entity> orgs, Map<String, Entity> aliases, List<Mention> mentions) {
        Map<String, Entity> surnames = new HashMap<>();
        for (Entity e : persons.values()) {
            Entity root = e.root();
            if (root.tokens.length < 2) {
                continue;
            }
            for (int i = 1; i < root.tokens.length; i++) {
                String tok = root.tokens[i];
                if (tok.length() > 1 && !lexicon.isStopWord(tok)) {
                    surnames.putIfAbsent(tok, root);
                }
            }
        }
        for (Segmenter.Segment s : pending) {
            String key = t.phraseKey(s.from(), s.to());
            Entity e = aliases.get(key);
            if (e == null) {
                e = orgStartingWith(orgs, key.split("[\\s-]+"));
            }
            if (e == null && s.to() - s.from() == 1) {
                e = surnames.get(key);
            }
            if (e == null && s.type() == Segmenter.Type.NAME && s.to() - s.from() >= 2) {
                String[] toks = key.split("[\\s-]+");
                for (Entity p : persons.values()) {
                    if (p.root().tokens.length > toks.length && indexOf(p.root().tokens, toks) >= 0) {
                        e = p.root();
                        break;
                    }
                }
                if (e == null) {
                    // "Mike Vigil" may come as "Vigil described": the last word alone
                    int last = s.to() - 1;
                    Entity tail = surnames.get(t.key(last));
                    if (tail != null && s.to() - s.from() == 2 && lexicon.isCommonWord(t.key(s.from())) && t.sentenceStart(s.from())) {
                        mentions.add(new Mention(last, last + 1, t.start(last), t.end(last), tail));
                        continue;
                    }
                }
            }
            if (e != null) {
                mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
            }
        }
    }

    /** "Barclays de Zoete" after "Barclays de Zoete Wedd": the start of an organisation's name is that organisation. */
    private static Entity orgStartingWith(Map<String, Entity> orgs, String[] tokens) {
        if (tokens.length < 2) {
            return null;
        }
        for (Entity o : orgs.values()) {
            if (o.tokens.length > tokens.length && indexOf(o.tokens, tokens) == 0) {
                return o;
            }
        }
        return null;
    }

    /** Later uses of an acronym or nickname that the article defined. */
    private static void acronymMentions(Tokens t, Map<String, Entity> aliases, List<Mention> mentions) {
        if (aliases.isEmpty()) {
            return;
        }
        BitSet taken = new BitSet(t.size());
        for (Mention m : mentions) {
            taken.set(m.from(), m.to());
        }
        for (int i = 0; i < t.size(); i++) {
            if (taken.get(i) || !t.isAllCaps(i)) {
                continue;
            }
            Entity e = aliases.get(t.text(i).replace(".", ""));
            if (e != null) {
                mentions.add(new Mention(i, i + 1, t.start(i), t.end(i), e));
            }
        }
    }

    /** "(CJNG)" right after a name: the acronym, or null. */
    static String acronymAfter(Tokens t, int to) {
        if (to + 2 < t.size() && t.isPunct(to, '(') && t.isAllCaps(to + 1) && t.isPunct(to + 2, ')')) {
            String a = t.text(to + 1).replace(".", "");
            return a.length() >= 2 && a.length() <= 8 ? a : null;
        }
        return null;
    }

    /** Every letter of the acronym is the initial of some word of the name (in any order: CJNG). */
    private static boolean initialsMatch(Tokens t, Segmenter.Segment s, String acronym) {
        StringBuilder initials = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            if (t.isWord(k)) {
                initials.append(Character.toUpperCase(t.first(k)));
            }
        }
        String pool = initials.toString();
        int hits = 0;
        for (char c : acronym.toUpperCase(Locale.ROOT).toCharArray()) {
            if (pool.indexOf(c) >= 0) {
                hits++;
            }
        }
        return hits >= Math.max(2, acronym.length() - 1);
    }
}
