package dev.stacks.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores enriched articles against hand-written gold lines (the schema of
 * {@code src/test/resources/gold/README.md}): precision and recall per type, summed over documents,
 * and one line per document naming what was missed (-) and what was extra (+).
 *
 * <p>Names are compared folded (case, accents, full stops). A gold organisation written as a
 * well-known acronym or alias ("NASA", "AP") is compared under the canonical name that
 * {@code orgs.tsv} gives it, since that is the facet value by design. Paths are compared without
 * GeoNames' "Department", "County", "Region" words, with the regional names of the gold README
 * mapped to GeoNames' labels.
 */
final class GoldScore {

    /** Usual English region names that GeoNames labels differently (see the gold README). */
    private static final Map<String, String> REGION_NAMES = Map.of(
            "rhineland-palatinate", "rheinland-pfalz",
            "nouvelle-aquitaine", "new aquitaine",
            "kuyavian-pomeranian", "kujawsko-pomorskie");

    /** Found, predicted and gold counts for one kind of value. */
    static final class Tally {
        int hit;
        int predicted;
        int gold;

        void add(Set<String> predicted, Set<String> gold) {
            Set<String> common = new HashSet<>(predicted);
            common.retainAll(gold);
            this.hit += common.size();
            this.predicted += predicted.size();
            this.gold += gold.size();
        }

        double precision() {
            return predicted == 0 ? 1 : (double) hit / predicted;
        }

        double recall() {
            return gold == 0 ? 1 : (double) hit / gold;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.2f (%d/%d)  R %.2f (%d/%d)", precision(), hit, predicted, recall(), hit, gold);
        }
    }

    final Tally dates = new Tally();
    final Tally people = new Tally();
    final Tally orgs = new Tally();
    final Tally places = new Tally();
    final Tally quotes = new Tally();
    final Tally speakers = new Tally();
    int documents;
    private final OrgDirectory directory = OrgDirectory.load();
    private final StringBuilder report = new StringBuilder();

    /** Scores one article against its gold line and notes the differences. */
    void add(JsonNode gold, Article a) {
        documents++;
        String file = gold.get("file").asText();
        Set<String> goldPeople = folded(gold.get("people"), false);
        Set<String> goldOrgs = folded(gold.get("organisations"), true);
        Set<String> goldPlaces = new HashSet<>();
        gold.get("locations").forEach(n -> goldPlaces.add(path(n.asText())));
        Set<String> predPeople = new HashSet<>();
        Set<String> predOrgs = new HashSet<>();
        for (Actor actor : a.actors()) {
            (actor.type() == ActorType.PERSON ? predPeople : predOrgs).add(key(actor.name()));
        }
        Set<String> predPlaces = new HashSet<>();
        a.locations().forEach(p -> predPlaces.add(path(p.pathString())));
        people.add(predPeople, goldPeople);
        orgs.add(predOrgs, goldOrgs);
        places.add(predPlaces, goldPlaces);

        Set<String> goldQuotes = new HashSet<>();
        Set<String> goldSpeakers = new HashSet<>();
        for (JsonNode q : gold.get("quotes")) {
            String start = norm(q.get("start").asText());
            goldQuotes.add(start);
            goldSpeakers.add(start + " <- " + (q.get("speaker").isNull() ? "-" : Fold.key(q.get("speaker").asText())));
        }
        Set<String> predQuotes = new HashSet<>();
        Set<String> predSpeakers = new HashSet<>();
        for (Quote q : a.quotes()) {
            String text = norm(q.text());
            String k = goldQuotes.stream().filter(text::startsWith).findFirst().orElse(text.length() > 40 ? text.substring(0, 40) : text);
            predQuotes.add(k);
            predSpeakers.add(k + " <- " + (q.speaker() == null ? "-" : Fold.key(q.speaker())));
        }
        quotes.add(predQuotes, goldQuotes);
        speakers.add(predSpeakers, goldSpeakers);

        String goldDate = gold.get("date").isNull() ? null : gold.get("date").asText();
        String date = a.date() == null ? null : a.date().iso();
        dates.add(date == null ? Set.of() : Set.of(date), goldDate == null ? Set.of() : Set.of(goldDate));

        report.append(String.format("%-36s date %s/%s  people -%s +%s  orgs -%s +%s  places -%s +%s  speakers -%s +%s%n", file,
                date, goldDate, minus(goldPeople, predPeople), minus(predPeople, goldPeople),
                minus(goldOrgs, predOrgs), minus(predOrgs, goldOrgs), minus(goldPlaces, predPlaces),
                minus(predPlaces, goldPlaces), minus(goldSpeakers, predSpeakers), minus(predSpeakers, goldSpeakers)));
    }

    /** The per-document lines and the totals. */
    String report() {
        return report + String.format("dates    %s%npeople   %s%norgs     %s%nplaces   %s%nquotes   %s%nspeakers %s%n",
                dates, people, orgs, places, quotes, speakers);
    }

    private Set<String> folded(JsonNode names, boolean organisations) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : names) {
            String name = n.asText();
            if (organisations) {
                name = canonical(name);
            }
            out.add(key(name));
        }
        return out;
    }

    /** The facet value orgs.tsv gives a known organisation's name, alias or acronym; else the name. */
    private String canonical(String name) {
        List<OrgDirectory.Org> known = OrgDirectory.isAcronym(name) ? directory.byAcronym(name.replace(".", ""))
                : directory.byPhrase(Gazetteer.phraseKey(name));
        return known.size() == 1 ? known.get(0).name() : name;
    }

    private static String key(String name) {
        return Fold.key(name).replace(".", "").replaceAll("\\s+", " ").strip();
    }

    /** A path compared without accents and without GeoNames' "Department", "County", "Region" words. */
    static String path(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            String p = Fold.key(part).replace(".", "").replaceAll("\\b(department|county|region|province|state of|"
                    + "community of|metropolitan|capital|dc)\\b", " ").replaceAll("\\s+", " ").strip();
            parts.add(REGION_NAMES.getOrDefault(p, p));
        }
        return String.join("/", parts);
    }

    private static String norm(String s) {
        return s.replace('“', '"').replace('”', '"').replace('’', '\'').replaceAll("\\s+", " ").strip();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }
}
