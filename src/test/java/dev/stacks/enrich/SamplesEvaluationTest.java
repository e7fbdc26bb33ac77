package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.extract.TikaExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the rule-based enricher on the 16 sample articles of corpus/samples,
 * against the hand-written gold annotations (src/test/resources/gold/samples.jsonl, whose README
 * gives the conventions). Values are compared as sets per document and summed over documents.
 */
class SamplesEvaluationTest {

    private static final Path SAMPLES = Path.of("corpus/samples");
    private static final Path GOLD = Path.of("src/test/resources/gold/samples.jsonl");
    /** GeoNames admin1 labels that the gold writes in their usual English form (see the gold README). */
    private static final Map<String, String> REGION_NAMES = Map.of("rheinland-pfalz", "rhineland-palatinate");

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

    @Test
    void rule_based_enricher_finds_most_of_what_the_sample_gold_lists() throws IOException {
        Assumptions.assumeTrue(Files.exists(GOLD) && Files.isDirectory(SAMPLES), "samples or gold missing");
        RuleBasedEnricher enricher = RuleBasedEnricher.load();
        ObjectMapper json = new ObjectMapper();
        Tally people = new Tally();
        Tally orgs = new Tally();
        Tally places = new Tally();
        Tally quotes = new Tally();
        Tally speakers = new Tally();
        int dates = 0;
        int docs = 0;
        StringBuilder report = new StringBuilder();
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults())) {
            for (String line : Files.readAllLines(GOLD)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode gold = json.readTree(line);
                String file = gold.get("file").asText();
                Extraction x = extractor.extract(SAMPLES.resolve(file), file);
                Article a = enricher.enrich(file, x, new Source(file, x.contentType(), "sample", "", 0));
                docs++;

                Set<String> goldPeople = folded(gold.get("people"));
                Set<String> goldOrgs = folded(gold.get("organisations"));
                Set<String> goldPlaces = new HashSet<>();
                gold.get("locations").forEach(n -> goldPlaces.add(path(n.asText())));
                Set<String> predPeople = new HashSet<>();
                Set<String> predOrgs = new HashSet<>();
                for (Actor actor : a.actors()) {
                    (actor.type() == ActorType.PERSON ? predPeople : predOrgs).add(Fold.key(actor.name()).replace(".", ""));
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
                    String key = goldQuotes.stream().filter(text::startsWith).findFirst().orElse(text);
                    predQuotes.add(key);
                    predSpeakers.add(key + " <- " + (q.speaker() == null ? "-" : Fold.key(q.speaker())));
                }
                quotes.add(predQuotes, goldQuotes);
                speakers.add(predSpeakers, goldSpeakers);
                String date = a.date() == null ? null : a.date().iso();
                if (gold.get("date").asText().equals(date)) {
                    dates++;
                }
                report.append(String.format("%-32s date %s/%s  people -%s +%s  orgs -%s +%s  places -%s +%s%n", file,
                        date, gold.get("date").asText(), minus(goldPeople, predPeople), minus(predPeople, goldPeople),
                        minus(goldOrgs, predOrgs), minus(predOrgs, goldOrgs), minus(goldPlaces, predPlaces),
                        minus(predPlaces, goldPlaces)));
            }
        }
        report.append(String.format("dates %d/%d%npeople   %s%norgs     %s%nplaces   %s%nquotes   %s%nspeakers %s%n",
                dates, docs, people, orgs, places, quotes, speakers));
        System.out.print(report);

        assertThat(dates).as(report.toString()).isGreaterThanOrEqualTo(docs - 3);
        assertThat(people.precision()).as(report.toString()).isGreaterThanOrEqualTo(0.8);
        assertThat(people.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.8);
        assertThat(places.precision()).as(report.toString()).isGreaterThanOrEqualTo(0.75);
        assertThat(places.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.7);
        assertThat(orgs.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.5);
        assertThat(quotes.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.8);
    }

    private static Set<String> folded(JsonNode names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(Fold.key(n.asText()).replace(".", "")));
        return out;
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
