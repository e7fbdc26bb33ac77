package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves place segments against the gazetteer into facet paths (country › region › place).
 *
 * <p>Ambiguous names are settled by the text around them, then by size. A reading gains a lot when
 * the words right after it name its region or country ("Eden, N.C.", "Paris, Texas", "Trier,
 * Germany") or when it is the region of the place named just before ("Atlanta, Georgia"); it gains
 * when its region is named elsewhere in the article, and a little when its country is. Otherwise
 * the larger place wins (Moscow is the Russian capital even in a story that names the United
 * States), national capitals first; the region most of the article's places are in adds more
 * (Trujillo in a story about Valle del Cauca is the Colombian town), but not to a dateline. A region and its own city of the same
 * name are the city unless words around say region ("the state of Oaxaca", "Jalisco state"). A
 * place under 100,000 people, a place known only by an alternate name, and a name that is an
 * everyday word ("Reading") or a small place's given name ("Eden") count only when context
 * confirms them: its region named, "Town, Region", or its country named and a cue such as "in" or
 * "near" before it. A village under 5,000 people counts only with "Town, Region", "the town of X"
 * or its region named. Countries and regions need no confirmation; large cities named like people
 * ("Paris", "Bergen") need no more than other large places. "The church of Santo Domingo" is a
 * site, not the city.
 *
 * <p><b>Demonyms</b> ("Mexican military", "French officials") are not locations: an adjective says
 * whose, not where, and a facet value must be a place the story names. They still count as
 * context, so "Mexican" helps read "Guadalajara" as the Mexican city.
 *
 * <p><b>Datelines</b> count as a mention of the place a story was filed from ("SALVADOR, Feb 26 -"),
 * with a city preferred over a region of the same name, the region or country written after it
 * ("SAN MATEO, Calif.") as a hint, and no confirmation needed.
 *
 * <p>Places inside an organisation's or a person's name ("Bank of Japan", "Sinaloa Cartel",
 * "Miguel de la Madrid") are not counted: the name is the organisation's or the person's.
 */
final class PlaceFinder {

    private static final long LARGE = 100_000;
    /** Words before a place name that say a place follows ("in Tapalpa", "town of Tapalpa"). */
    private static final Set<String> CUES = Set.of("in", "at", "near", "outside", "from", "of", "into", "around",
            "toward", "towards", "via", "across", "between", "throughout", "downtown", "suburban");

    private static final Set<String> REGION_WORDS = Set.of("region", "state", "province", "department", "county",
            "prefecture", "governorate", "district", "oblast", "canton");
    /** Nouns before "of" that say a town's name follows ("the town of Tapalpa"). */
    private static final Set<String> PLACE_NOUNS = Set.of("town", "village", "city", "municipality", "hamlet", "suburb",
            "port", "township", "borough", "commune", "parish", "settlement");
    /** Words before "of" that make the place after it the name of a site ("the church of Santo Domingo"). */
    private static final Set<String> SITES = Set.of("church", "cathedral", "basilica", "chapel", "convent", "monastery",
            "temple", "ruins", "shrine", "sanctuary", "mosque");

    private final Gazetteer gazetteer;
    private final NameLexicon lexicon;

    PlaceFinder(Gazetteer gazetteer, NameLexicon lexicon) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
    }

    /**
     * One mention to resolve. {@code hints}: countries ("MX") and regions ("US.CA") written beside it.
     * {@code weakWord}: an everyday word ("Reading"); {@code givenName}: a given name ("Paris", "Bergen").
     */
    private record Candidate(int from, int to, int start, int end, List<Gazetteer.Entry> entries, String key,
                             boolean weakWord, boolean dateline, boolean contextOnly, boolean cue, List<String> hints,
                             boolean givenName, boolean placeNoun) {

        Candidate withHints(List<String> newHints, boolean isDateline, boolean isContextOnly) {
            return new Candidate(from, to, start, end, entries, key, weakWord, isDateline, isContextOnly, cue, newHints,
                    givenName, placeNoun);
        }
    }

    List<Place> find(Tokens t, List<Segmenter.Segment> segments, BitSet claimedByActors, DatelineFinder.Dateline dateline) {
        List<Candidate> candidates = candidates(t, segments, claimedByActors, dateline);
        if (candidates.isEmpty()) {
            return List.of();
        }
        // "Atlanta, Georgia": a name right after "Place," is read as that place's region or country
        for (int i = 1; i < candidates.size(); i++) {
            Candidate prev = candidates.get(i - 1);
            Candidate cur = candidates.get(i);
            if (!cur.dateline() && !prev.contextOnly() && cur.from() == prev.to() + 1 && t.isPunct(prev.to(), ',')) {
                List<String> hints = new ArrayList<>(cur.hints());
                for (Gazetteer.Entry e : prev.entries()) {
                    if (e.level() == Gazetteer.Level.PLACE) {
                        hints.add(e.region());
                        hints.add(e.country());
                    }
                }
                candidates.set(i, cur.withHints(hints, false, false));
            }
        }

        // one name, one reading: "Andalusia, Ala." then "Andalusia" is still the town in Alabama
        Map<String, List<String>> hintsByKey = new HashMap<>();
        for (Candidate c : candidates) {
            if (!c.hints().isEmpty()) {
                hintsByKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).addAll(c.hints());
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            List<String> shared = hintsByKey.get(c.key());
            if (shared != null && c.hints().isEmpty()) {
                candidates.set(i, c.withHints(shared, c.dateline(), c.contextOnly()));
            }
        }

        // pass 1: context-free readings, whose countries and regions become the context
        Map<String, Integer> countryVotes = new HashMap<>();
        Map<String, Integer> regionVotes = new HashMap<>();
        Map<String, Gazetteer.Entry> first = new HashMap<>();
        Map<String, Set<String>> voted = new HashMap<>();
        for (Candidate c : candidates) {
            Gazetteer.Entry e = best(c, Map.of(), Map.of(), null);
            first.putIfAbsent(c.key(), e);
            if (voted.computeIfAbsent(c.key(), k -> new HashSet<>()).add(e.region())) {
                countryVotes.merge(e.country(), 1, Integer::sum);
                if (!e.admin1().isEmpty()) {
                    regionVotes.merge(e.region(), 1, Integer::sum);
                }
            }
        }

        // pass 2: the readings in that context become the context in their turn ("Ballarat, in
        // Victoria": alone, Victoria is the Seychelles' capital; beside Ballarat it is the Australian state)
        Map<String, Integer> countryVotes2 = new HashMap<>();
        Map<String, Integer> regionVotes2 = new HashMap<>();
        Map<String, Gazetteer.Entry> second = new HashMap<>();
        Map<String, Set<String>> voted2 = new HashMap<>();
        for (Candidate c : candidates) {
            Gazetteer.Entry e = best(c, countryVotes, regionVotes, first.get(c.key()));
            second.putIfAbsent(c.key(), e);
            if (voted2.computeIfAbsent(c.key(), k -> new HashSet<>()).add(e.region())) {
                countryVotes2.merge(e.country(), 1, Integer::sum);
                if (!e.admin1().isEmpty()) {
                    regionVotes2.merge(e.region(), 1, Integer::sum);
                }
            }
        }
        countryVotes = countryVotes2;
        regionVotes = regionVotes2;
        first = second;

        // pass 3: with the other mentions as context; drop unconfirmed readings
        Map<String, PlaceBuilder> places = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.contextOnly()) {
                continue;
            }
            Gazetteer.Entry self = first.get(c.key());
            Gazetteer.Entry e = best(c, countryVotes, regionVotes, self);
            if (e == null || !confirmed(c, e, countryVotes, regionVotes, self)) {
                continue;
            }
            List<String> path = gazetteer.path(e);
            if (path.isEmpty()) {
                continue;
            }
            String pathKey = String.join("/", path);
            places.computeIfAbsent(pathKey, k -> new PlaceBuilder(path.get(path.size() - 1), path))
                    .spans.add(new Span(c.start(), c.end()));
        }
        List<Place> out = new ArrayList<>(places.size());
        for (PlaceBuilder b : places.values()) {
            b.spans.sort((x, y) -> Integer.compare(x.start(), y.start()));
            out.add(new Place(b.name, b.path, b.spans));
        }
        return out;
    }

    private List<Candidate> candidates(Tokens t, List<Segmenter.Segment> segments, BitSet claimedByActors,
                                       DatelineFinder.Dateline dateline) {
        List<Candidate> candidates = new ArrayList<>();
        if (dateline.hasPlace()) {
            String written = t.text.substring(dateline.placeStart(), dateline.placeEnd());
            String key = Gazetteer.phraseKey(written);
            List<Gazetteer.Entry> entries = gazetteer.lookup(key);
            if (!entries.isEmpty()) {
                List<String> hints = dateline.region() == null ? List.of() : gazetteer.hint(dateline.region());
                int from = t.indexAt(dateline.placeStart());
                int to = t.indexAt(dateline.placeEnd());
                candidates.add(new Candidate(from, to, dateline.placeStart(), dateline.placeEnd(), entries, key,
                        false, true, false, false, hints, false, false));
            }
        }
        for (Segmenter.Segment s : segments) {
            if (s.type() == Segmenter.Type.DEMONYM) {
                String name = gazetteer.countryName(s.country());
                if (name != null) {
                    Gazetteer.Entry e = new Gazetteer.Entry(Gazetteer.Level.COUNTRY, name, s.country(), "", 0, false, false, null, false);
                    candidates.add(new Candidate(s.from(), s.to(), s.start(), s.end(), List.of(e), "demonym:" + s.country(),
                            false, false, true, false, List.of(), false, false));
                }
            } else if (s.type() == Segmenter.Type.PLACE && claimedByActors.get(s.from(), s.to()).isEmpty()) {
                if (dateline.hasPlace() && s.start() < dateline.placeEnd() && s.end() > dateline.placeStart()) {
                    continue;
                }
                String key = t.phraseKey(s.from(), s.to());
                if (s.to() + 1 < t.size() && t.kind(s.to()) == Tokens.Kind.POSSESSIVE && t.isCapitalized(s.to() + 1)
                        && s.places().get(0).level() == Gazetteer.Level.PLACE && s.places().get(0).population() < LARGE) {
                    continue; // "Hudson's Bay", "Macy's Inc": a name, not the town
                }
                if (siteBefore(t, s.from())) {
                    continue; // "the church of Santo Domingo", "the ruins of Monte Albán": a site
                }
                boolean oneWord = s.to() - s.from() == 1 && !t.isAllCaps(s.from());
                boolean weak = oneWord && lexicon.word(t, s.from()).isCommonWord();
                boolean given = oneWord && lexicon.word(t, s.from()).isGivenName();
                boolean cue = s.from() > 0 && t.isLower(s.from() - 1) && CUES.contains(t.key(s.from() - 1));
                List<String> hints = hintAfter(t, s.to());
                if (regionBefore(t, s.from()) || s.to() < t.size() && t.isLower(s.to()) && REGION_WORDS.contains(t.key(s.to()))) {
                    // "Valparaíso region", "Jalisco state", "the state of Oaxaca": the region, not its capital
                    hints = new ArrayList<>(hints);
                    for (Gazetteer.Entry e : s.places()) {
                        if (e.level() == Gazetteer.Level.REGION) {
                            hints.add("R:" + e.region());
                        }
                    }
                }
                // "the town of Heptonstall", "Cork city": the text says it is a town
                boolean placeNoun = s.from() >= 2 && t.key(s.from() - 1).equals("of") && t.isLower(s.from() - 2)
                        && PLACE_NOUNS.contains(t.key(s.from() - 2))
                        || s.to() < t.size() && t.isLower(s.to()) && (t.key(s.to()).equals("city") || t.key(s.to()).equals("town"));
                if (placeNoun) {
                    weak = false;
                    given = false;
                }
                candidates.add(new Candidate(s.from(), s.to(), s.start(), s.end(), s.places(), key, weak, false, false,
                        cue, hints, given, placeNoun));
            }
        }
        candidates.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // "around Kericho, Bomet and Nyeri", "in Mali, Niger and Chad": the cue before a list is every item's
        for (int i = 1; i < candidates.size(); i++) {
            Candidate prev = candidates.get(i - 1);
            Candidate cur = candidates.get(i);
            if (prev.cue() && !cur.cue() && cur.from() == prev.to() + 1
                    && (t.isPunct(prev.to(), ',') || t.key(prev.to()).equals("and") || t.key(prev.to()).equals("or"))) {
                candidates.set(i, new Candidate(cur.from(), cur.to(), cur.start(), cur.end(), cur.entries(), cur.key(),
                        cur.weakWord(), cur.dateline(), cur.contextOnly(), true, cur.hints(), cur.givenName(), cur.placeNoun()));
            }
        }
        return candidates;
    }

    /** "Eden, N.C.", "San Jose, Calif.", "Trier, Germany": what the words after the comma say. */
    private List<String> hintAfter(Tokens t, int to) {
        if (to + 1 >= t.size() || !t.isPunct(to, ',') || !t.isCapitalized(to + 1)) {
            return List.of();
        }
        int end = to + 2;
        while (end < t.size() && end - (to + 1) < 3 && t.isCapitalized(end) && !t.newlineBefore(end)) {
            end++;
        }
        for (int e = end; e > to + 1; e--) {
            List<String> hints = gazetteer.hint(t.text.substring(t.start(to + 1), t.end(e - 1)));
            if (!hints.isEmpty()) {
                return hints;
            }
        }
        return List.of();
    }

    /** "the state of Oaxaca", "governor of Itapúa", "the department of Huila": words that name a region. */
    private static boolean regionBefore(Tokens t, int from) {
        if (from < 2 || !t.key(from - 1).equals("of")) {
            return false;
        }
        String k = t.key(from - 2);
        return REGION_WORDS.contains(k) || k.equals("governor") || k.equals("governorship") || k.equals("states")
                || k.equals("provinces") || k.equals("departments");
    }

    /** "the church of Santo Domingo", "the ruins of Monte Albán": a site named after a place. */
    private static boolean siteBefore(Tokens t, int from) {
        return from >= 2 && t.key(from - 1).equals("of") && t.isLower(from - 2) && SITES.contains(t.key(from - 2));
    }

    private static final class PlaceBuilder {
        final String name;
        final List<String> path;
        final List<Span> spans = new ArrayList<>();

        PlaceBuilder(String name, List<String> path) {
            this.name = name;
            this.path = path;
        }
    }

    /** Context counts only when it comes from another mention than this name's own reading. */
    private static int others(Map<String, Integer> votes, String key, Gazetteer.Entry self, boolean region) {
        int v = votes.getOrDefault(key, 0);
        if (self != null) {
            String own = region ? self.region() : self.country();
            if (own.equals(key)) {
                v--;
            }
        }
        return v;
    }

    private static boolean hinted(Candidate c, Gazetteer.Entry e) {
        for (String h : c.hints()) {
            if (h.startsWith("R:")) {
                // h is "R:" and a region's code
                if (e.level() == Gazetteer.Level.REGION && h.length() == e.region().length() + 2 && h.startsWith(e.region(), 2)) {
                    return true;
                }
                continue;
            }
            if (h.indexOf('.') > 0 ? h.equals(e.region()) && e.level() != Gazetteer.Level.COUNTRY
                    : h.equals(e.country())) {
                return true;
            }
        }
        return false;
    }

    private Gazetteer.Entry best(Candidate c, Map<String, Integer> countries, Map<String, Integer> regions, Gazetteer.Entry self) {
        Gazetteer.Entry best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Gazetteer.Entry e : c.entries()) {
            double score = switch (e.level()) {
                case COUNTRY -> 100;
                // a region beats towns of other countries only where its own country is named
                // and a region named like its own city ("Oaxaca", "Kericho") is the city unless the text says region
                case REGION -> namesakeCity(c, e) ? 18 : sameNamedCity(c, e) ? 30 : others(countries, e.country(), self, false) > 0 ? 55 : 25;
                case PLACE -> 5 * Math.log10(e.population() + 1) + (gazetteer.nationalCapital(e) ? 10 : e.capital() ? 3 : 0)
                        - (e.alternate() ? 3 : 0);
            };
            if (c.dateline() && e.level() == Gazetteer.Level.REGION) {
                score -= 20; // a story is filed from a city
            }
            if (e.preferred()) {
                score += 40;
            }
            if (c.dateline() && e.level() == Gazetteer.Level.PLACE) {
                score += 25;
            }
            if (hinted(c, e)) {
                score += 60;
            }
            if (others(countries, e.country(), self, false) > 0) {
                score += 4;
            }
            if (!e.admin1().isEmpty() && others(regions, e.region(), self, true) > 0) {
                score += 7;
                // the region the article is about settles a name that several countries share (Trujillo
                // in a story about Valle del Cauca); not a dateline's, as a story is often filed from abroad,
                // nor against a reading whose own region the article names too (Santa Fe beside Albuquerque)
                if (!c.dateline() && dominant(regions, e.region(), self) && !rivalRegionNamed(c, e, regions, self)) {
                    score += 8;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    /** The region's own city of the same name: Oaxaca (city) in Oaxaca (state), Kericho in Kericho County. */
    private static boolean namesakeCity(Candidate c, Gazetteer.Entry region) {
        for (Gazetteer.Entry e : c.entries()) {
            if (e.level() == Gazetteer.Level.PLACE && e.country().equals(region.country()) && e.admin1().equals(region.admin1())) {
                return true;
            }
        }
        return false;
    }

    /** Another reading of the name lies in a region the article names as well. */
    private static boolean rivalRegionNamed(Candidate c, Gazetteer.Entry e, Map<String, Integer> regions, Gazetteer.Entry self) {
        for (Gazetteer.Entry other : c.entries()) {
            String region = other.region();
            if (!other.admin1().isEmpty() && !region.equals(e.region())
                    && others(regions, region, self, true) > 0) {
                return true;
            }
        }
        return false;
    }

    /** At least three other mentions, and at least half of all the regions' mentions, are in this region. */
    private static boolean dominant(Map<String, Integer> regions, String region, Gazetteer.Entry self) {
        int mine = others(regions, region, self, true);
        int all = 0;
        for (int v : regions.values()) {
            all += v;
        }
        if (self != null && !self.admin1().isEmpty()) {
            all--;
        }
        return mine >= 3 && 2 * mine >= all;
    }

    /** "São Paulo", "New York": a region named like a large city of its own is usually the city. */
    private static boolean sameNamedCity(Candidate c, Gazetteer.Entry region) {
        for (Gazetteer.Entry e : c.entries()) {
            if (e.level() == Gazetteer.Level.PLACE && e.country().equals(region.country()) && e.population() >= LARGE) {
                return true;
            }
        }
        return false;
    }

    private static boolean confirmed(Candidate c, Gazetteer.Entry e, Map<String, Integer> countries,
                                     Map<String, Integer> regions, Gazetteer.Entry self) {
        if (c.dateline() || e.level() == Gazetteer.Level.COUNTRY || e.preferred() || hinted(c, e)) {
            return true;
        }
        boolean region = !e.admin1().isEmpty() && others(regions, e.region(), self, true) > 0;
        if (e.minor()) {
            // "the town of Heptonstall", or a village in a region the text names; "West", "Stock", "Eden" need the former
            return c.placeNoun() || region && !c.weakWord() && !c.givenName();
        }
        if (c.weakWord()) {
            return region; // "Pacific", "Reading": only with its region named too
        }
        if (c.givenName() && e.level() == Gazetteer.Level.REGION) {
            return region || others(countries, e.country(), self, false) > 0; // "Victoria", "Georgia" with their country
        }
        if (c.givenName() && e.level() == Gazetteer.Level.PLACE && e.population() < LARGE && !e.capital()) {
            return region; // "Eden", "Florida" (Colombia): a small place named like a person needs its region named too
        }
        if (e.level() == Gazetteer.Level.REGION) {
            return true;
        }
        boolean weak = e.alternate() || e.population() < LARGE;
        return !weak || region || (c.cue() && others(countries, e.country(), self, false) > 0);
    }
}
