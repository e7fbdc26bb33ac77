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
 * States). A place under 100,000 people, a place known only by an alternate name, and a name that
 * is an everyday word or a given name ("Reading", "Eden", "Victoria") count only when that context
 * confirms them: its region named, "Town, Region", or its country named and a cue such as "in" or
 * "near" before it. Countries and regions need no confirmation.
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

    private final Gazetteer gazetteer;
    private final NameLexicon lexicon;

    PlaceFinder(Gazetteer gazetteer, NameLexicon lexicon) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
    }

    /** One mention to resolve. {@code hints}: countries ("MX") and regions ("US.CA") written beside it. */
    private record Candidate(int from, int to, int start, int end, List<Gazetteer.Entry> entries, String key,
                             boolean weakWord, boolean dateline, boolean contextOnly, boolean cue, List<String> hints) {
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
                        hints.add(e.country() + "." + e.admin1());
                        hints.add(e.country());
                    }
                }
                candidates.set(i, new Candidate(cur.from(), cur.to(), cur.start(), cur.end(), cur.entries(), cur.key(),
                        cur.weakWord(), false, false, cur.cue(), hints));
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
                candidates.set(i, new Candidate(c.from(), c.to(), c.start(), c.end(), c.entries(), c.key(), c.weakWord(),
                        c.dateline(), c.contextOnly(), c.cue(), shared));
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
            if (voted.computeIfAbsent(c.key(), k -> new HashSet<>()).add(e.country() + "." + e.admin1())) {
                countryVotes.merge(e.country(), 1, Integer::sum);
                if (!e.admin1().isEmpty()) {
                    regionVotes.merge(e.country() + "." + e.admin1(), 1, Integer::sum);
                }
            }
        }

        // pass 2: with the other mentions as context; drop unconfirmed readings
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
                        false, true, false, false, hints));
            }
        }
        for (Segmenter.Segment s : segments) {
            if (s.type() == Segmenter.Type.DEMONYM) {
                String name = gazetteer.countryName(s.country());
                if (name != null) {
                    Gazetteer.Entry e = new Gazetteer.Entry(Gazetteer.Level.COUNTRY, name, s.country(), "", 0, false, false, null, false);
                    candidates.add(new Candidate(s.from(), s.to(), s.start(), s.end(), List.of(e), "demonym:" + s.country(),
                            false, false, true, false, List.of()));
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
                boolean weak = s.to() - s.from() == 1 && !t.isAllCaps(s.from())
                        && (lexicon.isCommonWord(key) || lexicon.isGivenName(key));
                boolean cue = s.from() > 0 && t.isLower(s.from() - 1) && CUES.contains(t.key(s.from() - 1));
                List<String> hints = hintAfter(t, s.to());
                if (s.to() < t.size() && t.isLower(s.to()) && REGION_WORDS.contains(t.key(s.to()))) {
                    // "Valparaíso region", "Jalisco state": the region, not its capital
                    hints = new ArrayList<>(hints);
                    for (Gazetteer.Entry e : s.places()) {
                        if (e.level() == Gazetteer.Level.REGION) {
                            hints.add(e.country() + "." + e.admin1());
                        }
                    }
                }
                candidates.add(new Candidate(s.from(), s.to(), s.start(), s.end(), s.places(), key, weak, false, false,
                        cue, hints));
            }
        }
        candidates.sort((a, b) -> Integer.compare(a.start(), b.start()));
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
            String own = region ? self.country() + "." + self.admin1() : self.country();
            if (own.equals(key)) {
                v--;
            }
        }
        return v;
    }

    private static boolean hinted(Candidate c, Gazetteer.Entry e) {
        for (String h : c.hints()) {
            if (h.indexOf('.') > 0 ? h.equals(e.country() + "." + e.admin1()) && e.level() != Gazetteer.Level.COUNTRY
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
                case REGION -> sameNamedCity(c, e) ? 30 : others(countries, e.country(), self, false) > 0 ? 55 : 25;
                case PLACE -> 5 * Math.log10(e.population() + 1) + (e.capital() ? 5 : 0) - (e.alternate() ? 3 : 0);
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
            if (!e.admin1().isEmpty() && others(regions, e.country() + "." + e.admin1(), self, true) > 0) {
                score += 7;
            }
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
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
        boolean region = !e.admin1().isEmpty() && others(regions, e.country() + "." + e.admin1(), self, true) > 0;
        if (c.weakWord()) {
            return region; // "Pacific", "Reading": only with its region named too
        }
        if (e.level() == Gazetteer.Level.REGION) {
            return true;
        }
        boolean weak = e.alternate() || e.population() < LARGE;
        return !weak || region || (c.cue() && others(countries, e.country(), self, false) > 0);
    }
}
