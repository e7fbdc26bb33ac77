package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts the capitalised runs of a text ("US Deputy Secretary of State Christopher Landau") into
 * typed segments: a place, a demonym, an organisation, a title, and what is left, a name
 * (here "US" | "Deputy Secretary of State" | "Christopher Landau"). The order of the tests is the
 * rule book: known organisations first (also those a run cannot hold: "Save the Children",
 * "Moody's"), Romance names opened by an organisation word ("Régie du logement"), then
 * organisation-word phrases ("Jalisco New Generation Cartel", "Bank of Japan", "Ministry of
 * Agriculture, Fisheries and Food", "Statistics Norway"), titles, ships, streets and natural
 * features, gazetteer places and demonyms, and names last. Whether a name is a person is
 * {@link ActorFinder}'s call; this class only says what it saw around it.
 *
 * <p>In headlines (ALL-CAPS or Title Case lines) capitals carry no information, so only countries,
 * regions, large places and demonyms are taken there, and a masthead at the top ("THE HALIFAX
 * MORNING LEDGER") as an organisation.
 */
final class Segmenter {

    /**
     * FEATURE: a street, site or natural feature ("Liverpool Street", "Sable Island"); VESSEL: a ship
     * ("the schooner Mary Ellen"). Neither is an actor or a place.
     */
    enum Type { PLACE, DEMONYM, ORG, TITLE, NAME, FEATURE, VESSEL }

    /**
     * A typed stretch of tokens [from, to) and chars [start, end). {@code places}: gazetteer
     * readings (PLACE); {@code country}: ISO code (DEMONYM); {@code org}: a known organisation or
     * null (ORG); {@code titled}: a title or role stands right before (NAME); {@code nickFrom},
     * {@code nickTo}: tokens of a quoted nickname inside the name, -1 if none.
     */
    record Segment(Type type, int from, int to, int start, int end, List<Gazetteer.Entry> places,
                   String country, OrgDirectory.Org org, boolean titled, int nickFrom, int nickTo) {
    }

    /** Lower-case words that join the parts of one name: "Perez de Cuellar", "Bank of Japan". */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "van", "von", "la", "le",
            "da", "di", "du", "dos", "das", "bin", "ibn", "al", "el", "y", "ter", "zu", "ben", "bint", "abu");
    private static final Set<String> CONNECTORS = Set.of("of", "and", "&", "for", "on");
    /** Lower-case adjectives of Romance organisation names that English shares ("Institut national de …"). */
    private static final Set<String> ROMANCE_ADJECTIVES = Set.of("national", "nationale", "nacional", "general", "générale",
            "central", "centrale", "federal", "fédéral", "regional", "régional", "international", "internacional", "social",
            "municipal", "provincial", "popular", "public", "publique", "pública", "público", "superior", "supérieur");
    /** Particles inside Romance organisation names that are not name particles ("Régie du logement"). */
    private static final Set<String> FRONT_PARTICLES = Set.of("do", "des", "e", "et", "und", "für", "para", "por");
    /** Abbreviations whose full stop stays inside a run ("Mr. Baker", "Sen. Smith", "J. Smith"). */
    private static final Set<String> DOTTED = Set.of("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col",
            "capt", "prof", "rev", "st", "jr", "sr", "adm", "sgt", "maj", "cmdr", "pres", "messrs", "mt", "ft");
    /** Institutions that a generic word before them does not name: "Central Bank", "City Council", "Finance Ministry". */
    private static final Set<String> INSTITUTIONS = Set.of("ministry", "department", "agency", "office", "bureau", "council",
            "commission", "committee", "authority", "board", "bank", "court", "police", "army", "navy", "government",
            "parliament", "assembly", "senate", "congress", "cabinet", "administration", "service", "fund", "institute",
            "university", "college", "school", "hospital", "museum", "library", "exchange", "trust", "union", "federation",
            "association", "directorate", "secretariat", "chamber", "tribunal", "guard", "force", "forces");
    /** Generic words before an institution: "City Council", "High Court", "Stock Exchange". */
    private static final Set<String> GENERIC_MODIFIERS = Set.of("city", "county", "town", "local", "municipal", "royal",
            "public", "general", "high", "stock", "crown", "appeals", "appeal", "village", "parish", "provincial", "reserve",
            "air", "sons", "brothers", "affiliates", "american", "united", "new", "first", "global", "world", "holding");
    /** Heads whose names are proper with one everyday word: "Labour Party", "Green Front". */
    private static final Set<String> PROPER_HEADS = Set.of("party", "front", "movement", "league", "alliance", "coalition",
            "cartel", "brigade", "brigades", "wire", "times", "post", "journal", "gazette", "herald", "tribune", "chronicle",
            "observer", "telegraph", "courier", "ledger", "quarterly", "rovers", "wanderers", "rangers", "athletic", "fc");
    /** Organisation heads too generic to name one organisation after a country: "Mexican Army". */
    private static final Set<String> GENERIC_HEADS = Set.of("government", "army", "navy", "police", "forces", "force",
            "guard", "parliament", "senate", "congress", "cabinet", "military", "authority", "court", "administration",
            "assembly", "ministry", "ministries", "embassy", "team", "people", "companies", "industries", "banks",
            "firms", "group", "union");
    /** Legal forms that close a company name: a phrase never runs on across one ("Argyll Group Plc and …"). */
    static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
            "limited", "llc", "plc", "ag", "sa", "nv", "bv", "gmbh", "spa", "lp", "llp", "ab", "asa", "oy", "oyj", "pty",
            "pte", "bhd", "srl", "sarl", "sas", "kg", "ltda", "kk", "cie", "fc", "afc", "cf");
    /** Last words of the name of a street, site or natural feature: "Liverpool Street", "Sable Island". */
    private static final Set<String> FEATURE_ENDS = Set.of("street", "road", "avenue", "lane", "boulevard", "square",
            "drive", "terrace", "crescent", "highway", "motorway", "expressway", "island", "isle", "peninsula", "river",
            "lake", "sea", "ocean", "bay", "gulf", "strait", "straits", "canal", "mountain", "mountains", "hill", "hills",
            "valley", "desert", "forest", "glacier", "falls", "beach", "coast", "park", "stadium", "arena", "airport",
            "cathedral", "church", "temple", "mosque", "palace", "castle", "plaza", "dam", "reservoir", "canyon",
            "plateau", "peak", "volcano", "reef", "lagoon", "telescope", "satellite");
    /** Feature words that are also surnames ("Jeffrey Lane", "John Hill", "Anne Park"). */
    private static final Set<String> SURNAME_FEATURES = Set.of("lane", "hill", "hills", "park", "lake", "bay", "street",
            "beach", "forest", "castle", "church", "temple", "palace", "sea", "river", "falls", "peak", "square", "drive");
    /** First words of a feature's name: "Mount Kenya", "Monte Albán", "Lake Titicaca", "Sea of Japan". */
    private static final Set<String> FEATURE_STARTS = Set.of("mount", "mt", "monte", "mont", "lake", "lago", "cape",
            "cabo", "isla", "sierra", "cerro", "sea", "gulf", "bay", "isle", "strait", "straits", "volcán", "volcan");
    /** Last words of a publication's masthead that are not organisation words elsewhere ("CANADA TRADE LETTER"). */
    private static final Set<String> MASTHEAD_WORDS = Set.of("letter", "newsletter", "news", "times", "post", "star",
            "sun", "standard", "record", "express", "independent", "guardian", "advertiser", "argus", "age", "globe",
            "bulletin", "register", "journal");
    /** Words that name a unit of a company between its name and its legal form ("Salomon Brothers International Ltd"). */
    private static final Set<String> COMPANY_UNITS = Set.of("international", "capital", "markets", "asset", "management",
            "securities", "bros", "brothers", "holdings", "group", "asia", "europe", "pacific", "america", "north", "overseas",
            "finance", "financial", "investment", "investments", "trust", "futures", "services", "fund");
    /** Nouns before "of" that say a village's or town's name follows. */
    private static final Set<String> PLACE_NOUNS = Set.of("town", "village", "city", "municipality", "hamlet", "suburb",
            "port", "township", "borough", "commune", "parish", "settlement");
    /** Prepositions before a place's name. */
    private static final Set<String> PLACE_CUES = Set.of("in", "at", "near", "from", "outside", "to", "between", "around");
    /** A masthead is among the first lines of a text. */
    private static final int MASTHEAD_CHARS = 300;
    /** Nouns before a ship's name: "the schooner Mary Ellen". */
    private static final Set<String> VESSELS = Set.of("schooner", "steamer", "steamship", "ship", "vessel", "trawler",
            "tanker", "freighter", "yacht", "liner", "ferry", "frigate", "destroyer", "submarine", "boat", "barque", "brig",
            "sloop", "cutter", "tug", "tugboat", "dredger", "supertanker", "cruiser", "battleship", "warship", "corvette");
    /** Letters after a name that are not part of it: "Helen Marsh KC", "Ann Smith MP". */
    private static final Set<String> POST_NOMINALS = Set.of("kc", "qc", "mp", "mep", "msp", "mla", "mpp", "obe", "mbe",
            "cbe", "kbe", "dbe", "frs", "jp", "sc", "phd", "ms", "td");
    /** Words before "American" that make it a region's adjective, not the United States'. */
    private static final Set<String> NOT_US = Set.of("latin", "south", "north", "central", "native", "anglo", "pan");

    private final Gazetteer gazetteer;
    private final NameLexicon lexicon;
    private final OrgDirectory orgs;

    Segmenter(Gazetteer gazetteer, NameLexicon lexicon, OrgDirectory orgs) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.orgs = orgs;
    }

    List<Segment> segment(Tokens t) {
        List<Segment> out = new ArrayList<>();
        java.util.Set<String> vessels = new java.util.HashSet<>(); // ships named so far: "the Mary Ellen" later
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!t.isCapitalized(i)) {
                i++;
                continue;
            }
            Segment known = knownAcrossRuns(t, i);
            if (known != null) {
                out.add(known);
                i = known.to();
                continue;
            }
            Segment compound = compound(t, i);
            if (compound != null) {
                out.add(compound);
                i++;
                continue;
            }
            int end = runEnd(t, i);
            if (t.headline(i)) {
                headline(t, i, end, out);
            } else {
                run(t, i, end, out, vessels);
            }
            i = end;
        }
        return out;
    }

    // ------------------------------------------------------------------ runs

    private int runEnd(Tokens t, int from) {
        int n = t.size();
        boolean headline = t.headline(from);
        int j = from + 1;
        int lastCap = from;
        int romance = romanceFront(t, from) ? from : -1;
        while (j < n) {
            if (t.headline(j) != headline || t.paragraphStart(j)) {
                break;
            }
            if (romance >= 0 && j - romance <= 8 && t.isLower(j) && !headline) {
                // "Régie du logement", "Conseil interprofessionnel du vin de Bordeaux": sentence case in Romance names
                if (romanceWord(t, j)) {
                    lastCap = j;
                    j++;
                    continue;
                }
                if ((PARTICLES.contains(t.key(j)) || FRONT_PARTICLES.contains(t.key(j))) && j + 1 < n
                        && (t.isCapitalized(j + 1) || romanceWord(t, j + 1) || PARTICLES.contains(t.key(j + 1)))) {
                    j++;
                    continue;
                }
            }
            if (t.isNamePart(j)) {
                if (romance < 0 && romanceFront(t, j)) {
                    romance = j;
                }
                if (t.sentenceStart(j) && !dotContinues(t, j) || compound(t, j) != null) {
                    break;
                }
                lastCap = j;
                j++;
                continue;
            }
            if (t.isPunct(j, '.') && j + 1 < n && t.isCapitalized(j + 1) && !t.paragraphStart(j + 1)
                    && (DOTTED.contains(t.key(j - 1)) || isInitial(t, j - 1))) {
                j++;
                continue;
            }
            if (t.isLower(j) && j + 1 < n && (t.isCapitalized(j + 1) || t.isLower(j + 1) && PARTICLES.contains(t.key(j + 1))
                    || (t.key(j).equals("of") || t.key(j).equals("for")) && t.key(j + 1).equals("the") && j + 2 < n && t.isCapitalized(j + 2))
                    && (PARTICLES.contains(t.key(j)) || CONNECTORS.contains(t.key(j))
                    || FRONT_PARTICLES.contains(t.key(j)) && t.isCapitalized(j + 1))) {
                j++;
                continue;
            }
            if (t.key(j).equals("the") && t.isLower(j) && j > 0 && (t.key(j - 1).equals("of") || t.key(j - 1).equals("for"))
                    && j + 1 < n && t.isCapitalized(j + 1)) {
                j++;
                continue;
            }
            if (t.isPunct(j, ',') && !headline) {
                int list = serialListEnd(t, from, j);
                if (list > 0) {
                    // "United Nations Educational, Scientific and Cultural Organization"
                    lastCap = list - 1;
                    j = list;
                    continue;
                }
            }
            if (t.isPunct(j, '&') && j + 1 < n && t.isCapitalized(j + 1)) {
                j++;
                continue;
            }
            // "Transport and General Workers' Union", "Montreal Tenants' Rights Coalition"
            if ((t.isPunct(j, '\'') || t.isPunct(j, '’')) && t.end(j - 1) == t.start(j) && t.text.charAt(t.start(j) - 1) == 's'
                    && j + 1 < n && t.isCapitalized(j + 1) && !t.newlineBefore(j + 1)) {
                j++;
                continue;
            }
            int nick = nicknameEnd(t, j);
            if (nick > 0) {
                j = nick;
                lastCap = j - 1;
                continue;
            }
            break;
        }
        return lastCap + 1;
    }

    /** A Romance organisation word that opens a name ("Régie", "Conseil", "Instituto"), not an English word. */
    private boolean romanceFront(Tokens t, int i) {
        return t.isCapitalized(i) && !t.isAllCaps(i) && lexicon.word(t, i).isOrgFront() && !lexicon.word(t, i).isCommonWord();
    }

    /** A lower-case word inside a Romance name: not English ("logement", "vin"), or a cognate adjective ("national"). */
    private boolean romanceWord(Tokens t, int i) {
        if (!t.isLower(i)) {
            return false;
        }
        String k = t.key(i);
        if (ROMANCE_ADJECTIVES.contains(k)) {
            return true;
        }
        return k.length() >= 3 && !lexicon.word(t, i).isCommonWord() && !lexicon.word(t, i).isStopWord() && !ActorFinder.SPEECH_VERBS.contains(k)
                && !k.endsWith("ed") && !k.endsWith("ing") && !k.endsWith("ly");
    }

    /**
     * A list of everyday words inside one name after a comma: "…Educational, Scientific and Cultural
     * Organization", "Ministry of Agriculture, Fisheries and Food". The token index after the list, or -1.
     * The name must open with an organisation word before "of"/"for" or end with an organisation word.
     */
    private int serialListEnd(Tokens t, int from, int comma) {
        int n = t.size();
        if (comma == from || !t.isCapitalized(comma - 1) || !lexicon.word(t, comma - 1).isCommonWord()) {
            return -1;
        }
        boolean opensWithOrg = false;
        for (int k = from; k + 1 < comma; k++) {
            if (t.isCapitalized(k) && lexicon.word(t, k).isOrgBegin() && (t.key(k + 1).equals("of") || t.key(k + 1).equals("for"))) {
                opensWithOrg = true;
                break;
            }
        }
        int k = comma;
        while (k < n && t.isPunct(k, ',')) {
            int item = k + 1;
            if (item >= n || !t.isCapitalized(item) || t.newlineBefore(item) || !lexicon.word(t, item).isCommonWord()) {
                return -1;
            }
            k = item + 1;
        }
        if (k + 1 >= n || !t.key(k).equals("and") || !t.isLower(k) || !t.isCapitalized(k + 1) || !lexicon.word(t, k + 1).isCommonWord()) {
            return -1;
        }
        int end = k + 1;
        while (end < n && end - k <= 3 && t.isCapitalized(end) && !t.newlineBefore(end)) {
            end++;
        }
        boolean endsWithOrg = lexicon.word(t, end - 1).isOrgEnd();
        if (!endsWithOrg && !(opensWithOrg && end == k + 2)) {
            return -1;
        }
        return end;
    }

    private static boolean dotContinues(Tokens t, int j) {
        return j >= 2 && t.isPunct(j - 1, '.') && (DOTTED.contains(t.key(j - 2)) || isInitial(t, j - 2));
    }

    private static boolean isInitial(Tokens t, int i) {
        return t.isWord(i) && t.end(i) - t.start(i) == 1 && Character.isUpperCase(t.first(i));
    }

    private static boolean isOpenQuote(Tokens t, int i) {
        return t.kind(i) == Tokens.Kind.PUNCT && "\"“‘'«".indexOf(t.first(i)) >= 0;
    }

    private static boolean isCloseQuote(Tokens t, int i) {
        return t.kind(i) == Tokens.Kind.PUNCT && "\"”’'»".indexOf(t.first(i)) >= 0;
    }

    /** Ismael “El Mayo” Zambada: the index after the surname when j opens such a nickname, else -1. */
    private static int nicknameEnd(Tokens t, int j) {
        if (!isOpenQuote(t, j) || j == 0 || !t.isCapitalized(j - 1)) {
            return -1;
        }
        int k = j + 1;
        while (k < t.size() && k - j <= 3 && t.isCapitalized(k)) {
            k++;
        }
        if (k == j + 1 || k + 1 >= t.size() || !isCloseQuote(t, k) || !t.isCapitalized(k + 1) || t.sentenceStart(k + 1)) {
            return -1;
        }
        return k + 2;
    }

    private void run(Tokens t, int from, int to, List<Segment> out, java.util.Set<String> vessels) {
        int len = to - from;
        Segment[] claim = new Segment[len];
        knownOrgs(t, from, to, claim);
        frontOrgs(t, from, to, claim);
        orgPhrases(t, from, to, claim, true);
        orgPhrases(t, from, to, claim, false);
        titles(t, from, to, claim);
        features(t, from, to, claim, vessels);
        places(t, from, to, claim);
        names(t, from, to, claim);
        Segment last = null;
        for (Segment s : claim) {
            if (s != null && s != last) {
                out.add(s);
                last = s;
            }
        }
    }

    private static void claim(Segment[] claim, int runFrom, Segment s) {
        for (int k = s.from(); k < s.to(); k++) {
            claim[k - runFrom] = s;
        }
    }

    private static boolean free(Segment[] claim, int runFrom, int from, int to) {
        for (int k = from; k < to; k++) {
            if (claim[k - runFrom] != null) {
                return false;
            }
        }
        return true;
    }

    private Segment seg(Tokens t, Type type, int from, int to, List<Gazetteer.Entry> places, String country,
                        OrgDirectory.Org org, boolean titled, int nickFrom, int nickTo) {
        return new Segment(type, from, to, t.start(from), t.end(to - 1), places, country, org, titled, nickFrom, nickTo);
    }

    private boolean isConnector(Tokens t, int i) {
        return t.isLower(i) && (CONNECTORS.contains(t.key(i)) || PARTICLES.contains(t.key(i)) || t.key(i).equals("the"))
                || t.isPunct(i, '&');
    }

    private boolean isStop(Tokens t, int i) {
        return !t.isAllCaps(i) && lexicon.word(t, i).isStopWord();
    }

    /**
     * A known organisation whose name a capitalised run cannot hold: "Save the Children", "Moody's",
     * "United Nations Educational, Scientific and Cultural Organization". Null if none starts at i.
     */
    private Segment knownAcrossRuns(Tokens t, int i) {
        if (t.headline(i) || i > 0 && t.isCapitalized(i - 1) && !t.sentenceStart(i) && !t.newlineBefore(i)) {
            return null;
        }
        for (int len = orgs.reach(t, i, t.size() - i); len >= 2; len--) {
            int end = i + len;
            if (!t.isWord(end - 1) && t.kind(end - 1) != Tokens.Kind.POSSESSIVE) {
                continue;
            }
            boolean plain = true;
            for (int k = i; k < end && plain; k++) {
                plain = t.isCapitalized(k);
            }
            if (plain) {
                continue; // runs find these, with their own boundaries
            }
            List<OrgDirectory.Org> list = orgs.byPhrase(t.phraseKey(i, end));
            if (!list.isEmpty() && !(end < t.size() && t.isCapitalized(end) && !t.newlineBefore(end))) {
                return seg(t, Type.ORG, i, end, null, null, OrgDirectory.choose(list, t), false, -1, -1);
            }
        }
        return null;
    }

    // a) organisations from orgs.tsv: names, aliases, acronyms
    private void knownOrgs(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p)) {
                continue;
            }
            boolean found = false;
            for (int len = orgs.reach(t, p, to - p); len >= 1 && !found; len--) {
                if (isConnector(t, p + len - 1)) {
                    continue;
                }
                List<OrgDirectory.Org> list = orgs.byPhrase(t.phraseKey(p, p + len));
                if (!list.isEmpty() && leftBoundary(t, from, p, claim) && !(len == 1 && t.isAllCaps(p))) {
                    int end = companyTail(t, p + len, to);
                    Segment s = seg(t, Type.ORG, p, end, null, null, OrgDirectory.choose(list, t), false, -1, -1);
                    claim(claim, from, s);
                    p = end - 1;
                    found = true;
                }
            }
            if (!found && t.isAllCaps(p)) {
                List<OrgDirectory.Org> list = orgs.byAcronym(t.text(p).replace(".", ""));
                if (!list.isEmpty()) {
                    claim(claim, from, seg(t, Type.ORG, p, p + 1, null, null, OrgDirectory.choose(list, t), false, -1, -1));
                }
            }
        }
    }

    /**
     * "Merrill Lynch [Canada Inc]", "Morgan Stanley [Group Inc]", "Goldman Sachs [and Co]": the words
     * of a legal form, a unit or a country after a known company's name belong to that mention, which
     * keeps the company's one facet value. Returns the end of the mention.
     */
    private int companyTail(Tokens t, int at, int to) {
        int end = at;
        int k = at;
        while (k < to && k - at < 5) {
            String key = t.key(k);
            if (t.isPunct(k, '.') && k > at && LEGAL_FORMS.contains(t.key(k - 1))) {
                k++;
                end = k;
                continue;
            }
            if (t.isLower(k) && key.equals("and") || t.isPunct(k, '&')) {
                k++;
                continue;
            }
            if (!t.isCapitalized(k)) {
                break;
            }
            boolean legal = LEGAL_FORMS.contains(key) || lexicon.word(t, k).isOrgEnd();
            if (!legal && gazetteer.lookup(key).isEmpty() && !COMPANY_UNITS.contains(key)) {
                break;
            }
            k++;
            if (legal) {
                end = k;
            }
        }
        return end;
    }

    /** A known name inside a longer capitalised phrase ("National [Security Council]") is not it. */
    private boolean leftBoundary(Tokens t, int runFrom, int p, Segment[] claim) {
        if (p == runFrom) {
            return true;
        }
        int q = p - 1;
        if (claim[q - runFrom] != null || isConnector(t, q) || isStop(t, q) || t.isPunct(q, '.')) {
            return true;
        }
        String k = t.key(q);
        return lexicon.word(t, q).isTitleWord() || gazetteer.demonym(k) != null || !gazetteer.lookup(k).isEmpty()
                || (t.sentenceStart(q) && lexicon.word(t, q).isCommonWord());
    }

    /** Names opened by an organisation word, Romance order: "Cooperativa Cafetera del Sur del Huila". */
    private void frontOrgs(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p) || !lexicon.word(t, p).isOrgFront() || t.isAllCaps(p)) {
                continue;
            }
            int r = p + 1;
            int lastCap = p;
            boolean romance = romanceFront(t, p);
            while (r < to && claim[r - from] == null && !lexicon.word(t, r).isTitleHead()
                    && (t.isCapitalized(r) || t.isLower(r) && (PARTICLES.contains(t.key(r)) || FRONT_PARTICLES.contains(t.key(r))
                    || romance && romanceWord(t, r)))) {
                if (t.isCapitalized(r) || romance && romanceWord(t, r)) {
                    lastCap = r;
                }
                r++;
            }
            if (lastCap > p) {
                claim(claim, from, seg(t, Type.ORG, p, lastCap + 1, null, null, null, false, -1, -1));
                p = lastCap;
            }
        }
    }

    // b) phrases headed by an organisation word: "Sinaloa Cartel", "Bank of Japan", "Texaco Inc", "Statistics Norway"
    private void orgPhrases(Tokens t, int from, int to, Segment[] claim, boolean ofPhrasesOnly) {
        for (int q = to - 1; q >= from; q--) {
            if (claim[q - from] != null || !t.isCapitalized(q) || !lexicon.word(t, q).isOrgWord()) {
                continue;
            }
            // take the last of consecutive organisation words as the head ("Federal Reserve Board")
            int head = q;
            if (head + 1 < to && t.isCapitalized(head + 1) && lexicon.word(t, head).isTitleWord()
                    && lexicon.word(t, head + 1).isTitleWord()) {
                continue; // "Oil Minister", "Treasury Secretary": a portfolio, not an organisation
            }
            boolean end = lexicon.word(t, head).isOrgEnd();
            int right = head + 1;
            if (lexicon.word(t, head).isOrgBegin()) {
                right = ofPhraseEnd(t, from, to, head, claim);
            }
            boolean placeNamed = false;
            if (right == head + 1 && lexicon.word(t, head).isOrgBeforePlace()) {
                int place = placeAfter(t, from, to, head + 1, claim);
                if (place > 0) {
                    right = place; // "Statistics Norway", "University College Cork", "Football Australia"
                    placeNamed = true;
                }
            }
            int left = head;
            while (left - 1 >= from && claim[left - 1 - from] == null) {
                int k = left - 1;
                if (t.isCapitalized(k)) {
                    String key = t.key(k);
                    if (lexicon.word(t, k).isTitleHead() || isStop(t, k) || LEGAL_FORMS.contains(key)) {
                        break;
                    }
                    if (t.sentenceStart(k) && lexicon.word(t, k).isCommonWord() && !lexicon.word(t, k).isOrgWord() && gazetteer.demonym(key) == null
                            && gazetteer.lookup(key).isEmpty() && !(k + 1 < head && t.isCapitalized(k + 1) && !t.headline(k))) {
                        break; // "Within Cartel territory"; but "Prairie Books Quarterly" has two modifiers
                    }
                    left = k;
                } else if (isConnector(t, k) && k - 1 >= from && t.isCapitalized(k - 1) && claim[k - 1 - from] == null
                        && !lexicon.word(t, k - 1).isTitleHead() && !t.key(k).equals("of") && !t.key(k).equals("the")
                        && !LEGAL_FORMS.contains(t.key(k - 1))
                        && !(k - 2 >= from && lexicon.word(t, k - 2).isOrgBeforePlace() && !gazetteer.lookup(t.key(k - 1)).isEmpty())) {
                    left = k; // "Transport and General Workers' Union"; not "Statistics Norway | and University College Cork"
                } else if (t.isPunct(k, '.') || t.isPunct(k, '&') || t.isPunct(k, ',') && k - 1 >= from && t.isCapitalized(k - 1)
                        || (t.isPunct(k, '\'') || t.isPunct(k, '’')) && k > from && t.end(k - 1) == t.start(k)) {
                    left = k;
                } else {
                    break;
                }
            }
            while (left < head && (isConnector(t, left) || t.isPunct(left, '.') || t.isPunct(left, ','))) {
                left++;
            }
            int modifiers = head - left;
            boolean extended = right > head + 1;
            if (ofPhrasesOnly != extended) {
                continue; // "Confederation of British Industry" before "British Industry"
            }
            if (modifiers == 0 && !extended) {
                continue;
            }
            if (!end && !extended) {
                continue;
            }
            if (modifiers == 1 && !extended && !t.isAllCaps(left) && genericModifier(t.key(left), t.key(head))) {
                continue; // "Central Bank", "Finance Ministry", "City Council": which one is not said
            }
            if (!extended && GENERIC_HEADS.contains(t.key(head)) && onlyCountries(t, left, head)) {
                continue; // "Mexican Army", "US Congress": whose, not which; the known list has the proper ones
            }
            if (right - left > 12 || isPlacePhrase(t, left, right)) {
                continue;
            }
            int orgLeft = left;
            if (extended && left == head && left - 1 >= from && claim[left - 1 - from] != null
                    && claim[left - 1 - from].type() == Type.ORG && !t.isAllCaps(left - 1)) {
                orgLeft = claim[left - 1 - from].from(); // "United Nations" + "Office for the Coordination of …"
            }
            claim(claim, from, seg(t, Type.ORG, orgLeft, right, null, null, null, false, -1, -1));
            q = orgLeft;
        }
    }

    /**
     * The end of "Bank of Japan", "Office for the Coordination of Humanitarian Affairs", "Ministry of
     * Agriculture, Fisheries and Food": the name after "of"/"for", stopping before "of the University of …",
     * which is a second organisation. Returns head + 1 when no such name follows.
     */
    private int ofPhraseEnd(Tokens t, int from, int to, int head, Segment[] claim) {
        int r = head + 1;
        if (r >= to || !(t.key(r).equals("of") || t.key(r).equals("for")) || !t.isLower(r)) {
            return head + 1;
        }
        r++;
        if (r < to && t.key(r).equals("the") && t.isLower(r)) {
            r++;
        }
        if (r >= to || !t.isCapitalized(r) || claim[r - from] != null) {
            return head + 1;
        }
        while (r < to && claim[r - from] == null) {
            if (t.isCapitalized(r) && !lexicon.word(t, r).isTitleHead()) {
                r++;
                continue;
            }
            if (isConnector(t, r) || t.isPunct(r, ',')) {
                int next = r + 1;
                if (next < to && t.key(next).equals("the") && t.isLower(next)) {
                    next++;
                }
                if (next >= to || !t.isCapitalized(next)) {
                    break;
                }
                if (t.key(r).equals("of") && lexicon.word(t, next).isOrgBegin() && lexicon.word(t, next).isOrgEnd()) {
                    break; // "Institute of Vine and Wine Science | of the University of Bordeaux"
                }
                r = next;
                continue;
            }
            break;
        }
        while (r > head + 2 && (isConnector(t, r - 1) || t.isPunct(r - 1, ','))) {
            r--;
        }
        return r;
    }

    /** The end of a place name right after an organisation word ("Statistics | Norway"), or -1. */
    private int placeAfter(Tokens t, int from, int to, int at, Segment[] claim) {
        for (int len = Math.min(3, to - at); len >= 1; len--) {
            if (!free(claim, from, at, at + len) || !t.isCapitalized(at + len - 1)) {
                continue;
            }
            if (!gazetteer.lookup(t.phraseKey(at, at + len)).isEmpty() || len == 1 && gazetteer.demonym(t.key(at)) != null) {
                return at + len;
            }
        }
        return -1;
    }

    /** "Central Bank", "Finance Ministry", "City Council": a generic word before an institution's name. */
    private boolean genericModifier(String modifier, String head) {
        if (!lexicon.word(modifier).isCommonWord() || PROPER_HEADS.contains(head)) {
            return false; // "Texaco Inc", "Labour Party"
        }
        if (head.equals("house")) {
            return true; // "Court House", "Opera House": a building
        }
        if (INSTITUTIONS.contains(modifier) && INSTITUTIONS.contains(head)) {
            return false; // "University College"
        }
        // "Stacks Wire", "Sharp Corp" name one; "Finance Ministry", "Sons Inc", "International Ltd" do not
        return lexicon.word(modifier).isTitleWord() || lexicon.word(modifier).isOrgWord() || GENERIC_MODIFIERS.contains(modifier);
    }

    private boolean onlyCountries(Tokens t, int from, int to) {
        for (int k = from; k < to; k++) {
            String key = t.key(k);
            if (isConnector(t, k)) {
                continue;
            }
            List<Gazetteer.Entry> e = gazetteer.lookup(key);
            if (gazetteer.demonym(key) == null && (e.isEmpty() || e.get(0).level() != Gazetteer.Level.COUNTRY)) {
                return false;
            }
        }
        return true;
    }

    /** A country or region's own name ("Dominican Republic", "Community of Madrid") is not an organisation. */
    private boolean isPlacePhrase(Tokens t, int from, int to) {
        List<Gazetteer.Entry> e = gazetteer.lookup(t.phraseKey(from, to));
        return !e.isEmpty() && e.get(0).level() != Gazetteer.Level.PLACE;
    }

    // c) titles and roles before a name: "Prime Minister", "Deputy Secretary of State", "Mr."
    private void titles(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p) || !lexicon.word(t, p).isTitleWord()) {
                continue;
            }
            int q = p;
            int chainEnd = -1;
            while (q < to && claim[q - from] == null) {
                String k = t.key(q);
                if (t.isWord(q) && lexicon.word(t, q).isTitleWord()) {
                    if (lexicon.word(t, q).isTitleHead() || chainEnd >= 0) {
                        chainEnd = q + 1;
                    }
                    q++;
                } else if (t.isPunct(q, '.') && q > p && DOTTED.contains(t.key(q - 1))) {
                    if (chainEnd == q) {
                        chainEnd = q + 1;
                    }
                    q++;
                } else if ((k.equals("of") || k.equals("for") || k.equals("the") || k.equals("and")) && chainEnd > 0 && q + 1 < to
                        && (lexicon.word(t, q + 1).isTitleWord() || t.key(q + 1).equals("the") && q + 2 < to
                        && lexicon.word(t, q + 2).isTitleWord())) {
                    q++;
                } else {
                    break;
                }
            }
            // a title stands before a name: "Brian Singer" ends with a surname, not with a title
            if (chainEnd > p && chainEnd < to) {
                claim(claim, from, seg(t, Type.TITLE, p, chainEnd, null, null, null, false, -1, -1));
                p = chainEnd - 1;
            }
        }
    }

    // c') streets, sites and natural features: named, but neither an actor nor a place of the path scheme
    private void features(Tokens t, int from, int to, Segment[] claim, java.util.Set<String> vessels) {
        if (from > 0 && t.isLower(from - 1) && VESSELS.contains(t.key(from - 1))) {
            // "the schooner Mary Ellen", "the steamer Caribou": a ship's name
            int e = from;
            while (e < to && e - from < 4 && claim[e - from] == null && t.isCapitalized(e) && !lexicon.word(t, e).isTitleWord()
                    && !lexicon.word(t, e).isOrgWord()) {
                e++;
            }
            if (e > from) {
                claim(claim, from, seg(t, Type.VESSEL, from, e, null, null, null, false, -1, -1));
                vessels.add(t.phraseKey(from, e));
            }
        }
        for (int p = from; p < to && !vessels.isEmpty(); p++) {
            for (int e = to; e > p; e--) {
                if (free(claim, from, p, e) && vessels.contains(t.phraseKey(p, e))) {
                    claim(claim, from, seg(t, Type.VESSEL, p, e, null, null, null, false, -1, -1));
                    p = e - 1;
                    break;
                }
            }
        }
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p) || isStop(t, p)) {
                continue;
            }
            String key = t.key(p);
            int end = -1;
            if (FEATURE_STARTS.contains(key) && !t.isAllCaps(p)) {
                int q = p + 1;
                if (q + 1 < to && t.key(q).equals("of") && t.isCapitalized(q + 1)) {
                    q++; // "Sea of Japan", "Gulf of Mexico"
                }
                int e = q;
                while (e < to && claim[e - from] == null && (t.isCapitalized(e) && !lexicon.word(t, e).isTitleWord()
                        || t.isLower(e) && PARTICLES.contains(t.key(e)) && e + 1 < to && t.isCapitalized(e + 1))) {
                    e++;
                }
                if (e > q && t.isCapitalized(e - 1)) {
                    end = e;
                }
            }
            if (end < 0) {
                // the first feature word after p within the stretch of free name words ("Liverpool Street")
                int q = p;
                while (q < to && claim[q - from] == null && (t.isCapitalized(q) || t.isLower(q) && PARTICLES.contains(t.key(q)))) {
                    if (q == p + 1 && lexicon.word(t, p).isGivenName() && SURNAME_FEATURES.contains(t.key(q))) {
                        break; // "Jeffrey Lane", "John Hill": a surname
                    }
                    if (q > p && t.isCapitalized(q) && FEATURE_ENDS.contains(t.key(q)) && !t.isAllCaps(q)) {
                        end = q + 1;
                        while (end < to && claim[end - from] == null && t.isCapitalized(end) && FEATURE_ENDS.contains(t.key(end))) {
                            end++;
                        }
                        break;
                    }
                    if (lexicon.word(t, q).isTitleWord() || lexicon.word(t, q).isOrgWord()) {
                        break;
                    }
                    q++;
                }
            }
            if (end < 0) {
                continue;
            }
            // a place whose name has such a word is still a place: "Cayman Islands", "Cape Town", "Mount Vernon"
            boolean known = end - p <= gazetteer.maxTokens() && !gazetteer.lookup(t.phraseKey(p, end)).isEmpty();
            if (!known) {
                claim(claim, from, seg(t, Type.FEATURE, p, end, null, null, null, false, -1, -1));
                p = end - 1;
            }
        }
    }

    // d) places and demonyms
    private void places(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p)) {
                continue;
            }
            String key = t.key(p);
            String demonym = gazetteer.demonym(key);
            if (demonym != null && p + 1 < to && !gazetteer.lookup(t.phraseKey(p, p + 2)).isEmpty()) {
                demonym = null; // "Soviet Union", "Dominican Republic": a place's name, not an adjective
            }
            if (demonym != null && !(demonym.equals("US") && p > 0 && NOT_US.contains(t.key(p - 1)))) {
                if (p + 1 < to && t.isCapitalized(p + 1) && !lexicon.word(t, p + 1).isTitleWord() && lexicon.word(t, p).isGivenName()
                        && gazetteer.lookup(t.key(p + 1)).isEmpty()) {
                    continue; // "Israel Kirzner", "Chad Smith": a given name
                }
                claim(claim, from, seg(t, Type.DEMONYM, p, p + 1, null, demonym, null, false, -1, -1));
                continue;
            }
            for (int len = gazetteer.reach(t, p, to - p); len >= 1; len--) {
                if (!free(claim, from, p, p + len) || isConnector(t, p + len - 1)) {
                    continue;
                }
                List<Gazetteer.Entry> entries = matching(t, p, p + len, gazetteer.lookup(t.phraseKey(p, p + len)));
                if (entries.isEmpty()) {
                    continue;
                }
                if (allMinor(entries) && !placeSaid(t, p, p + len)) {
                    continue; // a village's name is a place only where the text says so: "Lunenburg, N.S."
                }
                boolean country = entries.get(0).level() == Gazetteer.Level.COUNTRY;
                if (len == 1 && key.equals("america") && p > 0 && NOT_US.contains(t.key(p - 1))) {
                    break; // Latin America, South America: a region, not the United States
                }
                if (len == 1 && !country) {
                    if (isStop(t, p)) {
                        break;
                    }
                    if (t.sentenceStart(p) && lexicon.word(t, p).isCommonWord()) {
                        break;
                    }
                    if (givenNameLeads(t, p, to, claim, from) || continuesName(t, p, from, claim)) {
                        break;
                    }
                }
                if (len == 1 && country && isStop(t, p)) {
                    break;
                }
                if (t.isPunct(p + len, '&') || p > 0 && t.isPunct(p - 1, '&')) {
                    break; // "Harlow & Finch": a firm's name
                }
                if (len == 1 && !country && p + 1 < to && claim[p + 1 - from] == null && t.isCapitalized(p + 1)
                        && smallOnly(entries)
                        && gazetteer.lookup(t.key(p + 1)).isEmpty() && !lexicon.word(t, p + 1).isOrgWord()
                        && !lexicon.word(t, p + 1).isTitleWord() && !isStop(t, p + 1)) {
                    break; // "Peel Hunt", "Miami Dolphins": a town's name as the first word of a longer name
                }
                claim(claim, from, seg(t, Type.PLACE, p, p + len, entries, null, null, false, -1, -1));
                p += len - 1;
                break;
            }
        }
    }

    /** Towns under 100,000 people (and regions of their name): "Peel", not "Paris", not "Illinois". */
    private static boolean smallOnly(List<Gazetteer.Entry> entries) {
        boolean town = false;
        for (Gazetteer.Entry e : entries) {
            if (e.level() == Gazetteer.Level.COUNTRY || e.population() >= 100_000) {
                return false;
            }
            town |= e.level() == Gazetteer.Level.PLACE;
        }
        return town;
    }

    private static boolean allMinor(List<Gazetteer.Entry> entries) {
        for (Gazetteer.Entry e : entries) {
            if (!e.minor()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text says the name is a place's: "the town of X", "the village of X", or "X, Region"
     * ("Lunenburg, N.S.", "Hebden Bridge, West Yorkshire", "Marfa, Texas").
     */
    private boolean placeSaid(Tokens t, int from, int to) {
        if (from >= 2 && t.key(from - 1).equals("of") && t.isLower(from - 2) && PLACE_NOUNS.contains(t.key(from - 2))) {
            return true;
        }
        if (from >= 1 && t.isLower(from - 1) && PLACE_CUES.contains(t.key(from - 1)) && to - from == 1
                && !lexicon.word(t, from).isGivenName() && !lexicon.word(t, from).isCommonWord()
                && !(to < t.size() && (t.isCapitalized(to) || t.kind(to) == Tokens.Kind.POSSESSIVE))) {
            return true; // "a second shop in Kinsale": PlaceFinder still wants its region named
        }
        if (to + 1 < t.size() && t.isPunct(to, ',') && t.isCapitalized(to + 1)) {
            for (int e = Math.min(t.size(), to + 4); e > to + 1; e--) {
                if (!gazetteer.hint(t.text.substring(t.start(to + 1), t.end(e - 1))).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Nemesio Oseguera Cervantes": a town's name right after a name word is the name's last part. */
    private boolean continuesName(Tokens t, int p, int from, Segment[] claim) {
        int q = p - 1;
        while (q > from && t.isLower(q) && PARTICLES.contains(t.key(q))) {
            q--;
        }
        if (q < from || claim[q - from] != null || !t.isCapitalized(q) || t.isAllCaps(q)) {
            return false;
        }
        NameLexicon.Word word = lexicon.word(t, q);
        return (!isStop(t, q) || word.isEastAsianNamePart()) && !word.isTitleWord() && !word.isOrgWord()
                && !(t.sentenceStart(q) && word.isCommonWord() && !word.isGivenName());
    }

    /** "Salvador Allende", "Paris Hilton": a given name followed by a surname is a person, not a place. */
    private boolean givenNameLeads(Tokens t, int p, int to, Segment[] claim, int from) {
        if (!lexicon.word(t, p).isGivenName() || p + 1 >= to || claim[p + 1 - from] != null) {
            return false;
        }
        int q = p + 1;
        while (q < to && t.isLower(q) && PARTICLES.contains(t.key(q))) {
            q++;
        }
        if (q >= to || !t.isCapitalized(q) || isStop(t, q) || lexicon.word(t, q).isTitleWord() || lexicon.word(t, q).isOrgWord()) {
            return false;
        }
        List<Gazetteer.Entry> next = gazetteer.lookup(t.key(q));
        return next.isEmpty() || next.get(0).level() != Gazetteer.Level.COUNTRY; // "Hugo Villalba", "Alicia Duarte"
    }

    /** Drops acronym readings ("US", "UK") unless written exactly so. */
    private static List<Gazetteer.Entry> matching(Tokens t, int from, int to, List<Gazetteer.Entry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        boolean anyExact = false;
        for (Gazetteer.Entry e : entries) {
            if (e.exact() != null) {
                anyExact = true;
                break;
            }
        }
        if (!anyExact) {
            return entries;
        }
        String written = t.text.substring(t.start(from), t.end(to - 1)).replace(".", "");
        List<Gazetteer.Entry> kept = new ArrayList<>(entries.size());
        for (Gazetteer.Entry e : entries) {
            if (e.exact() == null || e.exact().replace(".", "").equals(written)) {
                kept.add(e);
            }
        }
        return kept;
    }

    // e) names: what is left, without leading function words and sentence-initial common words
    private void names(Tokens t, int from, int to, Segment[] claim) {
        int p = from;
        while (p < to) {
            if (claim[p - from] != null) {
                p++;
                continue;
            }
            int q = p;
            int nickFrom = -1;
            int nickTo = -1;
            while (q < to && claim[q - from] == null) {
                if (t.isPunct(q, '&') && q > p && t.isCapitalized(q - 1) && q + 1 < to && t.isCapitalized(q + 1)
                        && claim[q + 1 - from] == null) {
                    q++; // "Harlow & Finch": a firm; ActorFinder reads the ampersand
                    continue;
                }
                if (t.isLower(q) && (CONNECTORS.contains(t.key(q)) || t.key(q).equals("the")) || t.isPunct(q, '&')) {
                    break;
                }
                if (isOpenQuote(t, q) && nickFrom < 0) {
                    int e = nicknameEnd(t, q);
                    if (e > 0) {
                        nickFrom = q + 1;
                        nickTo = e - 2;
                        q = e - 1;
                        continue;
                    }
                }
                q++;
            }
            int s = p;
            while (s < q && (isConnector(t, s) || isStop(t, s) || t.isPunct(s, '.'))) {
                s++;
            }
            int e = q;
            while (e > s && (isConnector(t, e - 1) || isOpenQuote(t, e - 1) || t.isPunct(e - 1, '.') && !isInitialDot(t, e - 1)
                    || e - 1 > s && t.isAllCaps(e - 1) && POST_NOMINALS.contains(t.key(e - 1)))) {
                e--; // and "Judge Helen Marsh KC": letters after a name are not part of it
            }
            if (e > s) {
                if (nickFrom >= 0 && (nickFrom - 2 < s || nickTo + 1 >= e)) {
                    nickFrom = -1;
                    nickTo = -1;
                }
                boolean titled = titledBefore(t, s, from, claim);
                Segment seg = seg(t, Type.NAME, s, e, null, null, null, titled, nickFrom, nickTo);
                claim(claim, from, seg);
            }
            p = Math.max(q, p + 1);
        }
    }

    private static boolean isInitialDot(Tokens t, int i) {
        return i > 0 && t.isPunct(i, '.') && (isInitial(t, i - 1) || DOTTED.contains(t.key(i - 1)));
    }

    private boolean titledBefore(Tokens t, int s, int runFrom, Segment[] claim) {
        if (s > runFrom) {
            Segment before = claim[s - 1 - runFrom];
            return before != null && before.type() == Type.TITLE;
        }
        // "press secretary Karoline Leavitt", "chief of staff Howard Baker": a lower-case role; but in
        // "chief operating officer of TenneT" the name after "of" is the employer's
        if (s > 0 && t.key(s - 1).equals("of")) {
            return false;
        }
        for (int q = s - 1; q >= 0 && q >= s - 6; q--) {
            if (!t.isWord(q) || !t.isLower(q)) {
                return false;
            }
            String k = t.key(q);
            if (lexicon.word(t, q).isTitleHead()) {
                return true;
            }
            if (!lexicon.word(t, q).isTitleWord() && !k.equals("of") && !k.equals("the") && !k.equals("and")) {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ headlines and compounds

    private void headline(Tokens t, int from, int to, List<Segment> out) {
        Segment masthead = masthead(t, from, to);
        if (masthead != null) {
            out.add(masthead);
            return;
        }
        for (int p = from; p < to; p++) {
            if (!t.isCapitalized(p)) {
                continue;
            }
            String key = t.key(p);
            String demonym = gazetteer.demonym(key);
            if (demonym != null) {
                out.add(seg(t, Type.DEMONYM, p, p + 1, null, demonym, null, false, -1, -1));
                continue;
            }
            for (int len = gazetteer.reach(t, p, to - p); len >= 1; len--) {
                List<Gazetteer.Entry> entries = matching(t, p, p + len, gazetteer.lookup(t.phraseKey(p, p + len)));
                if (entries.isEmpty()) {
                    continue;
                }
                Gazetteer.Entry best = entries.get(0);
                boolean strong = best.level() != Gazetteer.Level.PLACE || best.population() >= 100_000;
                NameLexicon.Word word = lexicon.word(t, p);
                if (!strong || (len == 1 && best.level() != Gazetteer.Level.COUNTRY
                        && (word.isCommonWord() || word.isStopWord() || word.isGivenName()))) {
                    continue;
                }
                if (len == 1 && word.isStopWord() && best.exact() == null) {
                    continue;
                }
                out.add(seg(t, Type.PLACE, p, p + len, entries, null, null, false, -1, -1));
                p += len - 1;
                break;
            }
        }
    }

    /**
     * "THE HALIFAX MORNING LEDGER", "UPPER CALDER PARISH COUNCIL", "STACKS WIRE | Fri Mar 3, 2017": a
     * line that is nothing but a name ending in an organisation or publication word is a masthead or a
     * letterhead, the organisation's name in capitals. Its facet value is written in title case.
     */
    private Segment masthead(Tokens t, int from, int to) {
        int first = from;
        if (first < to && t.key(first).equals("the")) {
            first++;
        }
        int words = to - first;
        if (words < 2 || words > 6 || t.start(from) > MASTHEAD_CHARS || !t.newlineBefore(from) || to < t.size() && !t.newlineBefore(to)
                && !(t.kind(to) == Tokens.Kind.PUNCT && "|•·—–-:".indexOf(t.first(to)) >= 0)) {
            return null;
        }
        String last = t.key(to - 1);
        if (!lexicon.word(t, to - 1).isOrgEnd() && !MASTHEAD_WORDS.contains(last)) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int k = first; k < to; k++) {
            if (!t.isWord(k) || lexicon.word(t, k).isStopWord() && !(k > first && CONNECTORS.contains(t.key(k)))) {
                return null; // "About Kattegat Battery Systems" is a heading, not a masthead
            }
            String w = t.key(k);
            if (name.length() > 0) {
                name.append(' ');
            }
            boolean small = k > first && (CONNECTORS.contains(w) || PARTICLES.contains(w) || w.equals("the"));
            name.append(small ? w : Character.toUpperCase(t.text(k).charAt(0)) + t.text(k).substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        List<OrgDirectory.Org> known = orgs.byPhrase(t.phraseKey(first, to));
        OrgDirectory.Org org = known.isEmpty() ? new OrgDirectory.Org(name.toString(), List.of(), Set.of()) : known.get(0);
        return seg(t, Type.ORG, first, to, null, null, org, false, -1, -1);
    }

    /**
     * "US-backed", "Mexican-born", "Franco-German": a capitalised word joined by a hyphen to a
     * lower-case one names a country by its first part, which is the mention. Null if not such a word.
     */
    Segment compound(Tokens t, int i) {
        if (t.headline(i)) {
            return null;
        }
        String text = t.text(i);
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1 || !Character.isLowerCase(text.charAt(dash + 1))) {
            return null;
        }
        String first = Fold.key(text.substring(0, dash));
        int start = t.start(i);
        int end = start + dash;
        String demonym = gazetteer.demonym(first);
        if (demonym != null) {
            return new Segment(Type.DEMONYM, i, i + 1, start, end, null, demonym, null, false, -1, -1);
        }
        List<Gazetteer.Entry> entries = gazetteer.lookup(first);
        if (entries.isEmpty() || entries.get(0).level() != Gazetteer.Level.COUNTRY) {
            return null;
        }
        String written = text.substring(0, dash).replace(".", "");
        List<Gazetteer.Entry> kept = new ArrayList<>();
        for (Gazetteer.Entry e : entries) {
            if (e.exact() == null || e.exact().replace(".", "").equals(written)) {
                kept.add(e);
            }
        }
        return kept.isEmpty() ? null : new Segment(Type.PLACE, i, i + 1, start, end, kept, null, null, false, -1, -1);
    }
}
