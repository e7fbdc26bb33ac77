package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts the capitalised runs of a text ("US Deputy Secretary of State Christopher Landau") into
 * typed segments: a place, a demonym, an organisation, a title, and what is left, a name
 * (here "US" | "Deputy Secretary of State" | "Christopher Landau"). The order of the tests is the
 * rule book: known organisations first, then organisation-word phrases ("Jalisco New Generation
 * Cartel", "Bank of Japan"), titles, gazetteer places and demonyms, and names last. Whether a name
 * is a person is {@link ActorFinder}'s call; this class only says what it saw around it.
 *
 * <p>In headlines (ALL-CAPS or Title Case lines) capitals carry no information, so only countries,
 * regions, large places and demonyms are taken there.
 */
final class Segmenter {

    enum Type { PLACE, DEMONYM, ORG, TITLE, NAME }

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
    /** Particles inside Romance organisation names that are not name particles ("Régie du logement"). */
    private static final Set<String> FRONT_PARTICLES = Set.of("do", "des", "e", "et", "und", "für", "para", "por");
    /** Abbreviations whose full stop stays inside a run ("Mr. Baker", "Sen. Smith", "J. Smith"). */
    private static final Set<String> DOTTED = Set.of("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col",
            "capt", "prof", "rev", "st", "jr", "sr", "adm", "sgt", "maj", "cmdr", "pres", "messrs", "mt", "ft");
    /** Organisation heads too generic to name one organisation after a place: "Mexican Army". */
    private static final Set<String> GENERIC_HEADS = Set.of("government", "army", "navy", "police", "forces", "force",
            "guard", "parliament", "senate", "congress", "cabinet", "military", "authority", "court", "administration",
            "assembly", "ministry", "ministries", "embassy", "team", "people", "companies", "industries", "banks",
            "firms", "group", "union");
    /** Legal forms that close a company name: a phrase never runs on across one ("Argyll Group Plc and …"). */
    static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
            "limited", "llc", "plc", "ag", "sa", "nv", "bv", "gmbh", "spa", "lp", "llp");
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
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!t.isCapitalized(i)) {
                i++;
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
                run(t, i, end, out);
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
        while (j < n) {
            if (t.headline(j) != headline || t.paragraphStart(j)) {
                break;
            }
            if (t.isNamePart(j)) {
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
                    || t.key(j).equals("of") && t.key(j + 1).equals("the") && j + 2 < n && t.isCapitalized(j + 2))
                    && (PARTICLES.contains(t.key(j)) || CONNECTORS.contains(t.key(j)))) {
                j++;
                continue;
            }
            if (t.key(j).equals("the") && t.isLower(j) && j > 0 && t.key(j - 1).equals("of") && j + 1 < n && t.isCapitalized(j + 1)) {
                j++;
                continue;
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

    private void run(Tokens t, int from, int to, List<Segment> out) {
        int len = to - from;
        Segment[] claim = new Segment[len];
        knownOrgs(t, from, to, claim);
        frontOrgs(t, from, to, claim);
        orgPhrases(t, from, to, claim, true);
        orgPhrases(t, from, to, claim, false);
        titles(t, from, to, claim);
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
        return !t.isAllCaps(i) && lexicon.isStopWord(t.key(i));
    }

    // a) organisations from orgs.tsv: names, aliases, acronyms
    private void knownOrgs(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p)) {
                continue;
            }
            int max = Math.min(orgs.maxTokens(), to - p);
            boolean found = false;
            for (int len = max; len >= 1 && !found; len--) {
                if (isConnector(t, p + len - 1)) {
                    continue;
                }
                List<OrgDirectory.Org> list = orgs.byPhrase(t.phraseKey(p, p + len));
                if (!list.isEmpty() && leftBoundary(t, from, p, claim) && !(len == 1 && t.isAllCaps(p))) {
                    Segment s = seg(t, Type.ORG, p, p + len, null, null, OrgDirectory.choose(list, t), false, -1, -1);
                    claim(claim, from, s);
                    p += len - 1;
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
        return lexicon.isTitleWord(k) || gazetteer.demonym(k) != null || !gazetteer.lookup(k).isEmpty()
                || (t.sentenceStart(q) && lexicon.isCommonWord(k));
    }

    /** Names opened by an organisation word, Romance order: "Cooperativa Cafetera del Sur del Huila". */
    private void frontOrgs(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p) || !lexicon.isOrgFront(t.key(p)) || t.isAllCaps(p)) {
                continue;
            }
            int r = p + 1;
            int lastCap = p;
            while (r < to && claim[r - from] == null && !lexicon.isTitleHead(t.key(r))
                    && (t.isCapitalized(r) || t.isLower(r) && (PARTICLES.contains(t.key(r)) || FRONT_PARTICLES.contains(t.key(r))))) {
                if (t.isCapitalized(r)) {
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

    // b) phrases headed by an organisation word: "Sinaloa Cartel", "Bank of Japan", "Texaco Inc"
    private void orgPhrases(Tokens t, int from, int to, Segment[] claim, boolean ofPhrasesOnly) {
        for (int q = to - 1; q >= from; q--) {
            if (claim[q - from] != null || !t.isCapitalized(q) || !lexicon.isOrgWord(t.key(q))) {
                continue;
            }
            // take the last of consecutive organisation words as the head ("Federal Reserve Board")
            int head = q;
            if (head + 1 < to && t.isCapitalized(head + 1) && lexicon.isTitleWord(t.key(head))
                    && lexicon.isTitleWord(t.key(head + 1))) {
                continue; // "Oil Minister", "Treasury Secretary": a portfolio, not an organisation
            }
            boolean end = lexicon.isOrgEnd(t.key(head));
            int right = head + 1;
            if (lexicon.isOrgBegin(t.key(head)) && head + 2 < to + 0 && (t.key(head + 1).equals("of") || t.key(head + 1).equals("for"))
                    && t.isCapitalized(head + 2) && claim[head + 2 - from] == null) {
                int r = head + 2;
                while (r < to && claim[r - from] == null && (t.isCapitalized(r) && !lexicon.isTitleHead(t.key(r))
                        || (isConnector(t, r) && r + 1 < to && t.isCapitalized(r + 1)))) {
                    r++;
                }
                while (r > head + 2 && isConnector(t, r - 1)) {
                    r--;
                }
                right = r;
            }
            int left = head;
            while (left - 1 >= from && claim[left - 1 - from] == null) {
                int k = left - 1;
                if (t.isCapitalized(k)) {
                    String key = t.key(k);
                    if (lexicon.isTitleHead(key) || isStop(t, k) || LEGAL_FORMS.contains(key)) {
                        break;
                    }
                    if (t.sentenceStart(k) && lexicon.isCommonWord(key) && !lexicon.isOrgWord(key) && gazetteer.demonym(key) == null) {
                        break;
                    }
                    left = k;
                } else if (isConnector(t, k) && k - 1 >= from && t.isCapitalized(k - 1) && claim[k - 1 - from] == null
                        && !lexicon.isTitleHead(t.key(k - 1)) && !t.key(k).equals("of") && !t.key(k).equals("the")
                        && !LEGAL_FORMS.contains(t.key(k - 1))) {
                    left = k;
                } else if (t.isPunct(k, '.') || t.isPunct(k, '&')
                        || (t.isPunct(k, '\'') || t.isPunct(k, '’')) && k > from && t.end(k - 1) == t.start(k)) {
                    left = k;
                } else {
                    break;
                }
            }
            while (left < head && (isConnector(t, left) || t.isPunct(left, '.'))) {
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
            if (modifiers == 1 && !extended && lexicon.isCommonWord(t.key(left)) && !t.isAllCaps(left)) {
                continue; // "Central Bank", "Finance Ministry": which one is not said
            }
            if (!extended && GENERIC_HEADS.contains(t.key(head)) && onlyPlaces(t, left, head)) {
                continue; // "Mexican Army", "US Congress" are left to the known list
            }
            if (right - left > 9 || isCountryPhrase(t, left, right)) {
                continue;
            }
            claim(claim, from, seg(t, Type.ORG, left, right, null, null, null, false, -1, -1));
            q = left;
        }
    }

    private boolean onlyPlaces(Tokens t, int from, int to) {
        for (int k = from; k < to; k++) {
            String key = t.key(k);
            if (gazetteer.demonym(key) == null && gazetteer.lookup(key).isEmpty() && !isConnector(t, k)) {
                return false;
            }
        }
        return true;
    }

    private boolean isCountryPhrase(Tokens t, int from, int to) {
        List<Gazetteer.Entry> e = gazetteer.lookup(t.phraseKey(from, to));
        return !e.isEmpty() && e.get(0).level() == Gazetteer.Level.COUNTRY;
    }

    // c) titles and roles before a name: "Prime Minister", "Deputy Secretary of State", "Mr."
    private void titles(Tokens t, int from, int to, Segment[] claim) {
        for (int p = from; p < to; p++) {
            if (claim[p - from] != null || !t.isCapitalized(p) || !lexicon.isTitleWord(t.key(p))) {
                continue;
            }
            int q = p;
            int chainEnd = -1;
            while (q < to && claim[q - from] == null) {
                String k = t.key(q);
                if (t.isWord(q) && lexicon.isTitleWord(k)) {
                    if (lexicon.isTitleHead(k) || chainEnd >= 0) {
                        chainEnd = q + 1;
                    }
                    q++;
                } else if (t.isPunct(q, '.') && q > p && DOTTED.contains(t.key(q - 1))) {
                    if (chainEnd == q) {
                        chainEnd = q + 1;
                    }
                    q++;
                } else if ((k.equals("of") || k.equals("for") || k.equals("the") || k.equals("and")) && chainEnd > 0 && q + 1 < to
                        && (lexicon.isTitleWord(t.key(q + 1)) || t.key(q + 1).equals("the") && q + 2 < to
                        && lexicon.isTitleWord(t.key(q + 2)))) {
                    q++;
                } else {
                    break;
                }
            }
            if (chainEnd > p) {
                claim(claim, from, seg(t, Type.TITLE, p, chainEnd, null, null, null, false, -1, -1));
                p = chainEnd - 1;
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
                if (p + 1 < to && t.isCapitalized(p + 1) && !lexicon.isTitleWord(t.key(p + 1)) && lexicon.isGivenName(key)
                        && gazetteer.lookup(t.key(p + 1)).isEmpty()) {
                    continue; // "Israel Kirzner", "Chad Smith": a given name
                }
                claim(claim, from, seg(t, Type.DEMONYM, p, p + 1, null, demonym, null, false, -1, -1));
                continue;
            }
            int max = Math.min(gazetteer.maxTokens(), to - p);
            for (int len = max; len >= 1; len--) {
                if (!free(claim, from, p, p + len) || isConnector(t, p + len - 1)) {
                    continue;
                }
                List<Gazetteer.Entry> entries = matching(t, p, p + len, gazetteer.lookup(t.phraseKey(p, p + len)));
                if (entries.isEmpty()) {
                    continue;
                }
                boolean country = entries.get(0).level() == Gazetteer.Level.COUNTRY;
                if (len == 1 && key.equals("america") && p > 0 && NOT_US.contains(t.key(p - 1))) {
                    break; // Latin America, South America: a region, not the United States
                }
                if (len == 1 && !country) {
                    if (isStop(t, p)) {
                        break;
                    }
                    if (t.sentenceStart(p) && lexicon.isCommonWord(key)) {
                        break;
                    }
                    if (givenNameLeads(t, p, to, claim, from) || continuesName(t, p, from, claim)) {
                        break;
                    }
                }
                if (len == 1 && country && isStop(t, p)) {
                    break;
                }
                claim(claim, from, seg(t, Type.PLACE, p, p + len, entries, null, null, false, -1, -1));
                p += len - 1;
                break;
            }
        }
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
        String k = t.key(q);
        return !isStop(t, q) && !lexicon.isTitleWord(k) && !lexicon.isOrgWord(k)
                && !(t.sentenceStart(q) && lexicon.isCommonWord(k) && !lexicon.isGivenName(k));
    }

    /** "Salvador Allende", "Paris Hilton": a given name followed by a surname is a person, not a place. */
    private boolean givenNameLeads(Tokens t, int p, int to, Segment[] claim, int from) {
        if (!lexicon.isGivenName(t.key(p)) || p + 1 >= to || claim[p + 1 - from] != null) {
            return false;
        }
        int q = p + 1;
        while (q < to && t.isLower(q) && PARTICLES.contains(t.key(q))) {
            q++;
        }
        if (q >= to || !t.isCapitalized(q) || isStop(t, q) || lexicon.isTitleWord(t.key(q)) || lexicon.isOrgWord(t.key(q))) {
            return false;
        }
        List<Gazetteer.Entry> next = gazetteer.lookup(t.key(q));
        return next.isEmpty() || next.get(0).level() == Gazetteer.Level.PLACE;
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
            while (e > s && (isConnector(t, e - 1) || isOpenQuote(t, e - 1) || t.isPunct(e - 1, '.') && !isInitialDot(t, e - 1))) {
                e--;
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
        // "press secretary Karoline Leavitt", "chief of staff Howard Baker": a lower-case role
        for (int q = s - 1; q >= 0 && q >= s - 6; q--) {
            if (!t.isWord(q) || !t.isLower(q)) {
                return false;
            }
            String k = t.key(q);
            if (lexicon.isTitleHead(k)) {
                return true;
            }
            if (!lexicon.isTitleWord(k) && !k.equals("of") && !k.equals("the") && !k.equals("and")) {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ headlines and compounds

    private void headline(Tokens t, int from, int to, List<Segment> out) {
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
            int max = Math.min(gazetteer.maxTokens(), to - p);
            for (int len = max; len >= 1; len--) {
                List<Gazetteer.Entry> entries = matching(t, p, p + len, gazetteer.lookup(t.phraseKey(p, p + len)));
                if (entries.isEmpty()) {
                    continue;
                }
                Gazetteer.Entry best = entries.get(0);
                boolean strong = best.level() != Gazetteer.Level.PLACE || best.population() >= 100_000;
                if (!strong || (len == 1 && best.level() != Gazetteer.Level.COUNTRY
                        && (lexicon.isCommonWord(key) || lexicon.isStopWord(key) || lexicon.isGivenName(key)))) {
                    continue;
                }
                if (len == 1 && lexicon.isStopWord(key) && best.exact() == null) {
                    continue;
                }
                out.add(seg(t, Type.PLACE, p, p + len, entries, null, null, false, -1, -1));
                p += len - 1;
                break;
            }
        }
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
