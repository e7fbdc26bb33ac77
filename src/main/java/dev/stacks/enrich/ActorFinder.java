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
 * <p>A name is a person when a title or role stands before it ("President", "press secretary",
 * "Cllr"), when it starts with a known given name and has a surname, when it starts with a Chinese,
 * Korean or Vietnamese family name ("Kim Dong-hyun"), when it is a byline ("By Nguyen Thi Thu Ha"),
 * or when the sentence treats it as one (an age "X, 59,", an appositive role "X, a former official",
 * a speech verb "X said", "said X", "according to X") and none of its words is an everyday English
 * word. A name is an organisation's when it is joined by an ampersand ("Harlow &amp; Finch"), when a
 * kind of organisation stands before or after it ("the journal Nature Astronomy", "the Waitrose
 * supermarket chain", "X, the largest lender to …") or when someone works there ("an analyst at Peel
 * Hunt"). A name after a place cue ("the town of Tu Son", "stop in Santiago Matatlán") is not a
 * person. Anything less certain is dropped: every actor is a facet value that users see. Each person
 * keeps the titles and roles the text gives them, for {@link QuoteFinder}'s "the judge said".
 */
final class ActorFinder {

    /** Kinds of organisation that introduce one's name ("the journal Nature Astronomy", "the Waitrose supermarket chain"). */
    private static final Set<String> ORG_NOUNS = Set.of("journal", "newspaper", "magazine", "tabloid", "broadcaster",
            "agency", "charity", "company", "firm", "group", "bank", "lender", "insurer", "retailer", "carmaker", "automaker",
            "chipmaker", "drugmaker", "maker", "manufacturer", "airline", "conglomerate", "publisher",
            "brokerage", "chain", "supermarket", "supermarkets", "startup", "start-up", "utility", "foundation",
            "organisation", "organization", "consultancy", "regulator", "watchdog", "cooperative", "co-operative",
            "militia", "club", "outlet", "daily", "weekly", "broadsheet", "network", "operator", "exporter", "importer",
            "distributor", "wholesaler", "brewer", "miner", "refiner", "shipper", "shipbuilder", "developer", "builder",
            "fund", "ngo", "nonprofit", "non-profit", "think-tank", "institute", "university");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "first", "second", "third", "fourth", "fifth");
    /** Words that may follow a noun phrase: "the largest lender to", "a chain based in". */
    private static final Set<String> PHRASE_ENDS = Set.of("of", "in", "to", "for", "with", "that", "which", "based", "on",
            "at", "from", "and", "whose", "since", "headquartered", "owned", "controlled", "run", "founded", "known", "where");
    /** Kinds of organisation that are also people's trades. */
    private static final Set<String> PERSONAL_TRADES = Set.of("broadcaster", "investor", "developer", "builder", "miner",
            "brewer", "operator", "distributor", "exporter", "importer", "shipper", "publisher", "daily");
    /** Last words of club names that stand for the club alone ("Rovers had led"). */
    private static final Set<String> SPORTS_CLUBS = Set.of("rovers", "wanderers", "rangers", "athletic", "united", "city",
            "albion", "hotspur", "villa", "county");
    /** Words before "by" that make the names after it a byline ("Reporting by", "Compiled by"). */
    private static final Set<String> BYLINE_WORDS = Set.of("reporting", "reported", "compiled", "written", "edited",
            "editing", "posted", "published", "photographs", "photos", "words", "interview", "story", "text",
            "translated", "research", "updated", "illustrations", "graphics", "produced");
    /** Labels of a byline line ("Interviewer: Rachel Ostrowski"). */
    private static final Set<String> BYLINE_LABELS = Set.of("by", "byline", "author", "authors", "interviewer", "reporter",
            "writer", "editor", "correspondent", "photographer", "compiled", "words");
    /** Nouns before "of" that make the name after it a place ("the town of Tu Son"). */
    private static final Set<String> PLACE_NOUNS = Set.of("town", "village", "city", "municipality", "hamlet", "suburb",
            "port", "district", "region", "province", "state", "county", "department", "island", "capital", "township",
            "borough", "commune", "parish", "settlement", "outskirts", "streets", "centre", "center");
    /** Prepositions after which a capitalised name is a place, not a person ("stop in Santiago Matatlán"). */
    private static final Set<String> IN_PLACE = Set.of("in", "near", "outside", "around", "across", "throughout");

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
        /** Title and role words the text gives this person ("judge", "president", "coach"). */
        final java.util.Set<String> roles = new java.util.HashSet<>();
        /** The family name comes first ("Kim Dong-hyun", "Nguyen Van Phuc"), so a later "Kim" is this person. */
        boolean familyFirst;
        Entity mergedInto;

        Entity(String name, ActorType type, char gender) {
            this.name = name;
            this.type = type;
            this.gender = gender;
            this.tokens = nameParts(Fold.key(name));
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
                        known = orgStartingWith(orgs, nameParts(t.phraseKey(s.from(), s.to())));
                    }
                    if (known == null && s.to() - s.from() == 1) {
                        known = orgByOneWord(orgs, t.key(s.from())); // "Hanbit chief executive …" after "Hanbit Semiconductor"
                    }
                    if (known != null) {
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), known));
                        continue;
                    }
                    if (weakStart(t, s) && s.to() - s.from() >= 2 && !personLike(t, s) && organisationCue(t, s)) {
                        // "Crédit Agricole, the largest lender …": the whole name, its first word too
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), organisation(t, s, orgs)));
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
                    s = withoutLeadingWords(t, s);
                    String acronym = acronymAfter(t, s.to());
                    boolean byline = byline(t, s);
                    if (acronym != null && s.to() - s.from() >= 2 && initialsMatch(t, s, acronym) && !givenNameFirst(t, s)) {
                        Entity e = organisation(t, s, orgs);
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                        aliases.putIfAbsent(acronym, e);
                    } else if (!byline && (employer(t, s) || firm(t, s) || organisationCue(t, s))) {
                        Entity e = organisation(t, s, orgs);
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                        if (acronym != null) {
                            aliases.putIfAbsent(acronym, e);
                        }
                    } else if (byline || !placeCue(t, s) && isPerson(t, s)) {
                        String name = personName(t, s);
                        char gender = lexicon.givenName(t.key(s.from()));
                        Entity e = persons.computeIfAbsent(Fold.key(name), k -> new Entity(name, ActorType.PERSON, gender == 0 ? 'u' : gender));
                        if (familyNameFirst(t, s)) {
                            e.familyFirst = true; // "Kim Dong-hyun" … "Kim told reporters"
                        }
                        roles(t, s, e);
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
                case FEATURE -> {
                    // "Monte Kwinter said", "Jeffrey Lane, 52,": the sentence says it is a person's name
                    int len = s.to() - s.from();
                    if (len >= 2 && len <= 4 && plausibleName(t, s) && lexicon.word(t, s.from()).isGivenName()
                            && !lexicon.word(t, s.from()).isCommonWord() && contextSaysPerson(t, s.from(), s.to())) {
                        String name = personName(t, s);
                        char gender = lexicon.givenName(t.key(s.from()));
                        Entity e = persons.computeIfAbsent(Fold.key(name), k -> new Entity(name, ActorType.PERSON, gender == 0 ? 'u' : gender));
                        mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), e));
                    }
                }
                case PLACE -> {
                    // "Trujillo said": a place's name may be the surname of a person named in full
                    if (s.places().get(0).level() != Gazetteer.Level.COUNTRY && s.to() - s.from() <= 2) {
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
        if (k + 1 >= t.size() || !t.isLower(k) || !lexicon.word(t, k).isTitleHead() || givenNameFirst(t, s)
                || s.to() - s.from() == 1 && Segmenter.LEGAL_FORMS.contains(t.key(s.from()))) {
            return false;
        }
        int next = k + 1;
        while (next < t.size() && t.isLower(next) && lexicon.word(t, next).isTitleWord()) {
            next++;
        }
        if (next >= t.size() || !t.isCapitalized(next)) {
            return false;
        }
        for (int i = s.from(); i < s.to(); i++) {
            if (t.isWord(i) && lexicon.word(t, i).isCommonWord() && !lexicon.word(t, i).isOrgWord()) {
                return false;
            }
        }
        return true;
    }

    /** "Veteran Marco Vella": everyday words before a given name and a surname are not part of the name. */
    private Segmenter.Segment withoutLeadingWords(Tokens t, Segmenter.Segment s) {
        if (s.nickFrom() >= 0 || s.to() - s.from() < 3 || lexicon.word(t, s.to() - 1).isCommonWord()) {
            return s;
        }
        // "Substitute Marco Vella", "Finance Minster Gerhard Stoltenberg": a given name and a surname after
        // words of which one at least is an everyday word or a title are the name
        boolean everyday = false;
        for (int k = s.from(); k < s.to() - 1; k++) {
            NameLexicon.Word word = lexicon.word(t, k);
            if (k > s.from() && everyday && word.isGivenName() && !word.isCommonWord() && s.to() - k <= 3) {
                return new Segmenter.Segment(s.type(), k, s.to(), t.start(k), s.end(), null, null, null, s.titled(), -1, -1);
            }
            if (!t.isWord(k) || t.isAllCaps(k) || word.isGivenName() && !word.isCommonWord()) {
                return s;
            }
            everyday |= (word.isCommonWord() || word.isTitleWord()) && !word.isGivenName();
        }
        return s;
    }

    /** "Harlow & Finch", "Zwicker & Company": names joined by an ampersand are a firm. */
    private static boolean firm(Tokens t, Segmenter.Segment s) {
        for (int k = s.from() + 1; k < s.to() - 1; k++) {
            if (t.isPunct(k, '&')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence says the name is an organisation's: a kind of organisation right before it ("the
     * journal Nature Astronomy", "the charity Crimestoppers", "handset maker Orion Mobile") or right
     * after it ("the Waitrose supermarket chain"), an appositive ("Crédit Agricole, the largest lender
     * to …"), or a person's workplace ("an analyst at Peel Hunt", "Analysts at Morgan Stanley").
     */
    private boolean organisationCue(Tokens t, Segmenter.Segment s) {
        int f = s.from();
        int n = t.size();
        boolean named = false;
        for (int k = f; k < s.to(); k++) {
            named |= t.isWord(k) && !Segmenter.LEGAL_FORMS.contains(t.key(k)) && !lexicon.word(t, k).isStopWord();
        }
        if (!named) {
            return false; // "Inc" alone
        }
        if (f >= 1 && t.isLower(f - 1) && ORG_NOUNS.contains(t.key(f - 1))) {
            // "broadcaster David Attenborough", "the firm Gordon Wu": a given name and a surname are a person's
            return !personLike(t, s) && !PERSONAL_TRADES.contains(t.key(f - 1));
        }
        int k = s.to();
        boolean definite = f == 0 || t.key(f - 1).equals("the") || t.kind(f - 1) == Tokens.Kind.POSSESSIVE;
        if (definite && k < n && t.isLower(k) && (ORG_NOUNS.contains(t.key(k)) && !t.key(k).equals("group") && nounPhraseEnds(t, k + 1)
                || k + 1 < n && t.isLower(k + 1) && ORG_NOUNS.contains(t.key(k + 1)) && !lexicon.word(t, k).isTitleWord()
                && !lexicon.word(t, k).isStopWord() && !SPEECH_VERBS.contains(t.key(k)) && nounPhraseEnds(t, k + 2))) {
            return !personLike(t, s) || s.to() - s.from() == 1;
        }
        if (k + 2 < n && t.isPunct(k, ',') && (t.key(k + 1).equals("the") || t.key(k + 1).equals("a") || t.key(k + 1).equals("an"))) {
            for (int j = k + 2; j < Math.min(n, k + 6); j++) {
                if (!t.isLower(j) && !(t.isWord(j) && t.text(j).indexOf('-') > 0)) {
                    break; // "a Pune-based start-up" goes on over its hyphenated modifier
                }
                if (lexicon.word(t, j).isTitleHead()) {
                    break; // "X, a spokesman for": a person
                }
                if (ORG_NOUNS.contains(t.key(j))) {
                    // "Crédit Agricole, the largest lender to …"; not "X, the company said", "X, a company founder"
                    return nounPhraseEnds(t, j + 1);
                }
            }
        }
        if (f >= 2 && (t.key(f - 1).equals("at") || t.key(f - 1).equals("with")) && t.isLower(f - 1) && t.isWord(f - 2)) {
            String role = t.key(f - 2);
            if (lexicon.word(role).isTitleHead()
                    || role.endsWith("s") && lexicon.word(role.substring(0, role.length() - 1)).isTitleHead()) {
                return s.to() - s.from() <= 4 && !placeLike.test(t.phraseKey(f, s.to()));
            }
        }
        return false;
    }

    /** A given name and a surname that are not everyday words ("Gordon Wu", not "Nature Astronomy"). */
    private boolean personLike(Tokens t, Segmenter.Segment s) {
        return givenNameFirst(t, s) && !lexicon.word(t, s.from()).isCommonWord() && !lexicon.word(t, s.to() - 1).isCommonWord();
    }

    /** The noun phrase ends before token k: punctuation or a preposition follows, not another noun or a verb. */
    private static boolean nounPhraseEnds(Tokens t, int k) {
        return k >= t.size() || t.kind(k) == Tokens.Kind.PUNCT || t.isLower(k) && PHRASE_ENDS.contains(t.key(k));
    }

    /** A byline: "By Nguyen Thi Thu Ha and Park Ji-won", "Posted on 14 May 2018 by Tom Whitfield", "Interviewer: X". */
    private boolean byline(Tokens t, Segmenter.Segment s) {
        int len = s.to() - s.from();
        if (len < 2 || len > 5 || !plausibleName(t, s)) {
            return false;
        }
        for (int k = s.from(); k < s.to(); k++) {
            if (t.isWord(k) && lexicon.word(t, k).isOrgWord() && !lexicon.word(t, k).isGivenName()) {
                return false;
            }
        }
        int k = s.from() - 1;
        // earlier names of the same byline: "By A, B and C"
        while (k >= 0 && !t.newlineBefore(k + 1) && (t.isPunct(k, ',') || t.key(k).equals("and") && t.isLower(k))) {
            k--;
            while (k >= 0 && !t.newlineBefore(k + 1) && (t.isCapitalized(k) || t.isPunct(k, '.') || t.isLower(k)
                    && (t.key(k).equals("de") || t.key(k).equals("da") || t.key(k).equals("van")))) {
                k--;
            }
        }
        if (k < 0) {
            return false;
        }
        if (t.key(k).equals("by")) {
            if (t.paragraphStart(k) || k == 0) {
                return true;
            }
            int b = k - 1;
            return t.kind(b) == Tokens.Kind.NUMBER || t.isWord(b) && BYLINE_WORDS.contains(t.key(b))
                    || t.kind(b) == Tokens.Kind.PUNCT && "|(;·•—–-/*_".indexOf(t.first(b)) >= 0;
        }
        if (t.isPunct(k, ':') && k >= 1 && t.isWord(k - 1) && (t.paragraphStart(k - 1) || k - 1 == 0)) {
            return BYLINE_LABELS.contains(t.key(k - 1));
        }
        return false;
    }

    /** "in the town of Tu Son", "stop in Santiago Matatlán": a name after a place cue is not a person's. */
    private boolean placeCue(Tokens t, Segmenter.Segment s) {
        int f = s.from();
        if (s.titled() || f < 1) {
            return false;
        }
        if (f >= 2 && t.key(f - 1).equals("of") && t.isLower(f - 2) && PLACE_NOUNS.contains(t.key(f - 2))) {
            return true;
        }
        if (t.isLower(f - 1) && IN_PLACE.contains(t.key(f - 1))) {
            int k = s.to();
            return !(k < t.size() && t.kind(k) == Tokens.Kind.POSSESSIVE) && !contextSaysPerson(t, f, s.to());
        }
        return false;
    }

    /** "Kim Dong-hyun", "Nguyen Thi Thu Ha", "Zhou Jianguo": a Chinese, Korean or Vietnamese family name first. */
    private boolean familyNameFirst(Tokens t, Segmenter.Segment s) {
        int len = s.to() - s.from();
        if (len < 2 || len > 4 || !plausibleName(t, s)) {
            return false;
        }
        if (!lexicon.word(t, s.from()).isFamilyNameFirst()) {
            return false;
        }
        boolean hyphen = false;
        for (int k = s.from() + 1; k < s.to(); k++) {
            String key = t.key(k);
            if (!t.isWord(k) || t.isAllCaps(k)) {
                return false;
            }
            NameLexicon.Word word = lexicon.word(t, k);
            if (word.isEastAsianNamePart()) {
                continue; // "Van", "Thi", "Minh"
            }
            if (word.isCommonWord() || word.isOrgWord() || word.isTitleWord() || placeLike.test(key)) {
                return false;
            }
            hyphen |= key.indexOf('-') > 0;
        }
        return !lexicon.word(t, s.from()).isAmbiguousFamilyName() || hyphen || len >= 3;
    }

    /** Title and role words around a person's mention, for "the judge said" and "said the president". */
    private void roles(Tokens t, Segmenter.Segment s, Entity e) {
        int f = s.from();
        for (int k = f - 1; k >= Math.max(0, f - 6); k--) {
            if (t.isWord(k) && lexicon.word(t, k).isTitleWord()) {
                addRole(e, t.key(k));
            } else if (!(t.isPunct(k, '.') || t.isWord(k) && (t.key(k).equals("of") || t.key(k).equals("the")))) {
                break;
            }
        }
        int k = s.to();
        if (k + 1 < t.size() && t.isPunct(k, ',')) {
            for (int j = k + 1; j < Math.min(t.size(), k + 9); j++) {
                if (t.kind(j) == Tokens.Kind.PUNCT && ",.;:\"“”".indexOf(t.first(j)) >= 0) {
                    break;
                }
                if (t.isWord(j) && lexicon.word(t, j).isTitleHead()) {
                    addRole(e, t.key(j));
                    break;
                }
            }
        }
    }

    private static void addRole(Entity e, String role) {
        e.roles.add(role);
        int dash = role.lastIndexOf('-');
        if (dash > 0) {
            e.roles.add(role.substring(dash + 1)); // "vice-president" is also "the president"'s word
        }
        if (role.equals("justice") || role.equals("magistrate")) {
            e.roles.add("judge");
        }
    }

    // ------------------------------------------------------------------ persons

    private boolean weakStart(Tokens t, Segmenter.Segment s) {
        int f = s.from();
        return t.sentenceStart(f) && !t.isAllCaps(f) && lexicon.word(t, f).isCommonWord()
                && !(lexicon.word(t, f).isGivenName() && s.to() - f >= 2);
    }

    /** A known given name first, or after initials ("C. William Verity"). */
    private boolean givenNameFirst(Tokens t, Segmenter.Segment s) {
        int k = s.from();
        while (k + 1 < s.to() && (t.isPunct(k, '.') || t.end(k) - t.start(k) == 1 && Character.isUpperCase(t.first(k)))) {
            k++;
        }
        return lexicon.word(t, k).isGivenName() && k < s.to() - 1;
    }

    private boolean isPerson(Tokens t, Segmenter.Segment s) {
        int len = s.to() - s.from();
        if (len > 6 || !plausibleName(t, s)) {
            return false;
        }
        if (len == 2 && MONTHS.contains(t.key(s.from())) && NUMBER_WORDS.contains(t.key(s.from() + 1))) {
            return false; // "Record April Nine": a date written out
        }
        if (s.titled()) {
            for (int k = s.from(); k < s.to(); k++) {
                if (Segmenter.LEGAL_FORMS.contains(t.key(k))) {
                    return false; // "Quest Blood Substitute Inc": a company, not Mr Inc
                }
            }
            if (len == 1) {
                int f = s.from();
                boolean capitalTitle = f > 0 && (t.isCapitalized(f - 1) || t.isPunct(f - 1, '.'));
                if (!capitalTitle && f + 2 < t.size() && t.kind(f + 1) == Tokens.Kind.POSSESSIVE && t.isCapitalized(f + 2)) {
                    return false; // "the provincial People's Committee": a modifier of the name after it
                }
                return !lexicon.word(t, f).isStopWord() && (capitalTitle || !lexicon.word(t, f).isCommonWord());
            }
            return true;
        }
        if (familyNameFirst(t, s)) {
            return true;
        }
        if (len >= 2 && s.nickFrom() >= 0) {
            return true;
        }
        if (len >= 2 && givenNameFirst(t, s) && !t.isAllCaps(s.from())) {
            // "Paris Accord", "General Agreements": a given name that is also a place or a word,
            // before an everyday word, is not a person
            String firstKey = t.key(s.from());
            for (int k = s.from(); k < s.to(); k++) {
                if (t.isWord(k) && lexicon.word(t, k).isOrgWord()) {
                    return false; // "Court House", "Grant Thornton Group"
                }
            }
            boolean ambiguousFirst = placeLike.test(firstKey);
            if (ambiguousFirst && lexicon.word(t, s.to() - 1).isCommonWord()) {
                return false;
            }
            if (len >= 3 && lexicon.word(t, s.to() - 1).isCommonWord() && lexicon.word(t, s.to() - 2).isCommonWord()) {
                return contextSaysPerson(t, s.from(), s.to()); // "James Webb Space Telescope"
            }
            // "Morning Star", "Mike Vigil": two everyday words are a name only if the sentence says so
            return !(lexicon.word(t, s.from()).isCommonWord() && lexicon.word(t, s.to() - 1).isCommonWord())
                    || contextSaysPerson(t, s.from(), s.to());
        }
        if (len < 2) {
            return false;
        }
        for (int k = s.from(); k < s.to(); k++) {
            if (t.isWord(k) && t.isCapitalized(k) && (lexicon.word(t, k).isCommonWord() || lexicon.word(t, k).isOrgWord())) {
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
        if (to < n && t.isLower(to) && lexicon.word(t, to).isTitleHead()) {
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
                if (t.isWord(k) && lexicon.word(t, k).isTitleHead()) {
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
                if (t.isWord(k) && lexicon.word(t, k).isTitleHead()) {
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
            if (root.familyFirst) {
                surnames.putIfAbsent(root.tokens[0], root); // "Kim told reporters"
            }
            for (int i = 1; i < root.tokens.length; i++) {
                String tok = root.tokens[i];
                if (tok.length() > 1 && !lexicon.word(tok).isStopWord()) {
                    surnames.putIfAbsent(tok, root);
                }
            }
        }
        Map<String, Entity> firstNames = new HashMap<>();
        for (Entity e : persons.values()) {
            Entity root = e.root();
            if (root.tokens.length >= 2 && !root.familyFirst) {
                Entity old = firstNames.putIfAbsent(root.tokens[0], root);
                if (old != null && old != root) {
                    firstNames.put(root.tokens[0], null); // two Declans: which one is not said
                }
            }
        }
        for (Segmenter.Segment s : pending) {
            String key = t.phraseKey(s.from(), s.to());
            if (s.type() == Segmenter.Type.PLACE) {
                // a place's name is a person's only as the surname of someone named in full ("Trujillo said")
                Entity person = s.to() - s.from() == 1 ? surnames.get(key) : null;
                if (person != null) {
                    mentions.add(new Mention(s.from(), s.to(), s.start(), s.end(), person));
                }
                continue;
            }
            Entity e = aliases.get(key);
            if (e == null) {
                e = orgStartingWith(orgs, nameParts(key));
            }
            if (e == null && s.to() - s.from() == 1) {
                e = surnames.get(key);
            }
            if (e == null && s.to() - s.from() == 1 && s.type() == Segmenter.Type.NAME) {
                e = orgByOneWord(orgs, key);
            }
            if (e == null && s.to() - s.from() == 1 && lexicon.word(key).isGivenName()) {
                e = firstNames.get(key); // "Aoife is planning a second shop": a feature's first-name reference
            }
            if (e == null && s.type() == Segmenter.Type.NAME && s.to() - s.from() >= 2) {
                String[] toks = nameParts(key);
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
                    if (tail != null && s.to() - s.from() == 2 && lexicon.word(t, s.from()).isCommonWord() && t.sentenceStart(s.from())) {
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

    /**
     * "Hanbit" after "Hanbit Semiconductor", "Rovers" after "Western Rovers FC": one distinctive word of
     * exactly one organisation of the article, its first word or its last before a legal form.
     */
    private Entity orgByOneWord(Map<String, Entity> orgs, String key) {
        if (lexicon.word(key).isGivenName() || lexicon.word(key).isStopWord() || placeLike.test(key)) {
            return null;
        }
        Entity found = null;
        for (Entity o : orgs.values()) {
            if (o.tokens.length < 2) {
                continue;
            }
            int last = o.tokens.length - 1;
            while (last > 0 && Segmenter.LEGAL_FORMS.contains(o.tokens[last])) {
                last--;
            }
            boolean first = o.tokens[0].equals(key) && !lexicon.word(key).isCommonWord();
            boolean end = last > 0 && o.tokens[last].equals(key) && !lexicon.word(key).isOrgWord()
                    || last > 0 && o.tokens[last].equals(key) && SPORTS_CLUBS.contains(key);
            if (first || end) {
                if (found != null && found != o) {
                    return null; // two councils: which one is not said
                }
                found = o;
            }
        }
        return found;
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

    /**
     * The words of a name key ("jean-luc picard" gives jean, luc, picard): exactly
     * {@code key.split("[\\s-]+")}, which runs for every name and phrase, without a regex.
     */
    static String[] nameParts(String key) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        int i = 0;
        while (i < key.length()) {
            if (!isNameSeparator(key.charAt(i))) {
                i++;
                continue;
            }
            parts.add(key.substring(from, i));
            while (i < key.length() && isNameSeparator(key.charAt(i))) {
                i++;
            }
            from = i;
        }
        if (parts.isEmpty()) {
            return new String[] {key};
        }
        parts.add(key.substring(from));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            size--; // as String.split, no trailing empty words
        }
        return parts.subList(0, size).toArray(new String[0]);
    }

    /** Regex "\\s" (space, tab, line feed, vertical tab, form feed, carriage return) or a hyphen. */
    private static boolean isNameSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '-';
    }
}
