package dev.stacks.enrich;

import dev.stacks.bench.Reuters21578;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures an {@link Enricher} on Reuters-21578: document-level recall of the PLACES (at country
 * level), PEOPLE (surnames) and ORGS (acronyms) labels, and the time per 1,000 words.
 *
 * <p>Each story with a body is enriched as a plain-text extraction of its title, dateline and body.
 * A gold place counts as found when some extracted location's country is that country (1987
 * names mapped: "west-germany" → Germany, "ussr" → Soviet Union or Russia); a gold person when its
 * surname (the last part of the label, or the whole label) is a word of some person actor's name;
 * a gold organisation when some organisation actor has that acronym (as a mention, in the known
 * list, or as its initials) or that name ("worldbank"). The labels mark what a story is about, not
 * every name in it, so recall is the meaningful figure; precision needs the hand check that
 * {@link #show} prints for.
 */
public final class ReutersEvaluation {

    /** Found and total (story, label) pairs per label set, and the timing. */
    public record Report(int documents, long words, int placesFound, int placesTotal, int peopleFound, int peopleTotal,
                         int orgsFound, int orgsTotal, double msPer1000Words, double warmMsPer1000Words) {

        public double placesRecall() {
            return ratio(placesFound, placesTotal);
        }

        public double peopleRecall() {
            return ratio(peopleFound, peopleTotal);
        }

        public double orgsRecall() {
            return ratio(orgsFound, orgsTotal);
        }

        private static double ratio(int found, int total) {
            return total == 0 ? 1.0 : (double) found / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "Reuters-21578 enrichment: %d stories, %,d words%n"
                    + "  %-8s %8s %8s %8s%n"
                    + "  %-8s %8d %8d %8.3f%n"
                    + "  %-8s %8d %8d %8.3f%n"
                    + "  %-8s %8d %8d %8.3f%n"
                    + "  time: %.3f ms per 1,000 words (first pass), %.3f ms warm (CPU time of one thread)%n",
                    documents, words, "labels", "found", "total", "recall",
                    "PLACES", placesFound, placesTotal, placesRecall(),
                    "PEOPLE", peopleFound, peopleTotal, peopleRecall(),
                    "ORGS", orgsFound, orgsTotal, orgsRecall(),
                    msPer1000Words, warmMsPer1000Words);
        }
    }

    private ReutersEvaluation() {
    }

    /**
     * Enriches up to {@code limit} stories with a body (spread evenly over the collection; all of
     * them when {@code limit <= 0}) and scores them against their labels.
     */
    public static Report run(Path reutersDir, Enricher enricher, int limit) {
        return run(reutersDir, enricher, limit, null, 0);
    }

    /** As {@link #run(Path, Enricher, int)}, printing what was extracted for the first {@code show} stories. */
    public static Report run(Path reutersDir, Enricher enricher, int limit, PrintStream out, int show) {
        List<Reuters21578.Story> stories = sample(reutersDir, limit);
        Scorer scorer = new Scorer(Gazetteer.load(), OrgDirectory.load(), NameLexicon.load());
        int[] places = new int[2];
        int[] people = new int[2];
        int[] orgs = new int[2];
        long words = 0;
        long nanos = 0;
        // thread CPU time, not wall time: the figure is per core and robust to a busy machine
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Extraction> extractions = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            Reuters21578.Story s = stories.get(i);
            Extraction x = extraction(s);
            extractions.add(x);
            words += countWords(x.text());
            long t0 = cpu.getCurrentThreadCpuTime();
            Article a = enricher.enrich("reuters-" + s.newId(), x, source(s));
            nanos += cpu.getCurrentThreadCpuTime() - t0;
            scorer.places(s, a, places);
            scorer.people(s, a, people);
            scorer.orgs(s, a, orgs);
            if (out != null && i < show) {
                show(out, s, a);
            }
        }
        long warm = 0;
        for (int i = 0; i < extractions.size(); i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            enricher.enrich("warm", extractions.get(i), source(stories.get(i)));
            warm += cpu.getCurrentThreadCpuTime() - t0;
        }
        double k = words / 1000.0;
        return new Report(stories.size(), words, places[0], places[1], people[0], people[1], orgs[0], orgs[1],
                nanos / 1e6 / k, warm / 1e6 / k);
    }

    private static List<Reuters21578.Story> sample(Path dir, int limit) {
        List<Reuters21578.Story> withBody = Reuters21578.read(dir).stream().filter(Reuters21578.Story::hasBody).toList();
        if (limit <= 0 || limit >= withBody.size()) {
            return withBody;
        }
        List<Reuters21578.Story> out = new ArrayList<>(limit);
        double stride = (double) withBody.size() / limit;
        for (int i = 0; i < limit; i++) {
            out.add(withBody.get((int) (i * stride)));
        }
        return out;
    }

    static Extraction extraction(Reuters21578.Story s) {
        return new Extraction(s.text(), null, "text/plain", Map.of(), ExtractionStatus.TEXT, null, false, List.of());
    }

    private static Source source(Reuters21578.Story s) {
        return new Source("reuters-" + s.newId() + ".txt", "text/plain", "txt", "", s.text().length());
    }

    private static long countWords(String text) {
        long n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    /** Prints one story's labels and what the enricher found, for judging precision by hand. */
    static void show(PrintStream out, Reuters21578.Story s, Article a) {
        out.printf("=== %d  %s%n", s.newId(), s.title());
        out.printf("    gold places=%s people=%s orgs=%s%n", s.places(), s.people(), s.orgs());
        out.printf("    date: %s%n", a.date() == null ? "-" : a.date().iso() + " (" + a.date().source() + ")");
        for (Actor actor : a.actors()) {
            out.printf("    %-12s %s  x%d%n", actor.type().label(), actor.name(), actor.mentions().size());
        }
        for (Place p : a.locations()) {
            out.printf("    %-12s %s  x%d%n", "location", p.pathString(), p.mentions().size());
        }
        for (Quote q : a.quotes()) {
            String t = q.text().length() > 80 ? q.text().substring(0, 80) + "…" : q.text();
            out.printf("    %-12s %s <- \"%s\"%n", "quote", q.speaker(), t);
        }
    }

    /** Matches extracted values to gold labels. */
    private static final class Scorer {
        private static final Map<String, List<String>> PLACE_NAMES = Map.of(
                "usa", List.of("United States"),
                "uk", List.of("United Kingdom"),
                "west-germany", List.of("Germany"),
                "east-germany", List.of("Germany"),
                "ussr", List.of("Soviet Union", "Russia"),
                "yemen-demo-republic", List.of("Yemen"),
                "congo", List.of("Republic of the Congo", "Democratic Republic of the Congo"));
        private static final Map<String, String> ORG_NAMES = Map.of("worldbank", "World Bank");

        private final Gazetteer gazetteer;
        private final OrgDirectory orgs;
        private final NameLexicon lexicon;

        Scorer(Gazetteer gazetteer, OrgDirectory orgs, NameLexicon lexicon) {
            this.gazetteer = gazetteer;
            this.orgs = orgs;
            this.lexicon = lexicon;
        }

        Set<String> countryNames(String label) {
            List<String> fixed = PLACE_NAMES.get(label);
            if (fixed != null) {
                return Set.copyOf(fixed);
            }
            Set<String> names = new HashSet<>();
            for (Gazetteer.Entry e : gazetteer.lookup(Gazetteer.phraseKey(label.replace('-', ' ')))) {
                if (e.level() == Gazetteer.Level.COUNTRY) {
                    names.add(e.name());
                }
            }
            return names;
        }

        void places(Reuters21578.Story s, Article a, int[] tally) {
            Set<String> countries = new HashSet<>();
            for (Place p : a.locations()) {
                countries.add(p.path().get(0));
            }
            for (String label : s.places()) {
                tally[1]++;
                for (String name : countryNames(label)) {
                    if (countries.contains(name)) {
                        tally[0]++;
                        break;
                    }
                }
            }
        }

        void people(Reuters21578.Story s, Article a, int[] tally) {
            List<List<String>> names = new ArrayList<>();
            for (Actor actor : a.actors()) {
                if (actor.type() == ActorType.PERSON) {
                    names.add(List.of(Fold.key(actor.name()).split("[\\s'’.-]+")));
                }
            }
            for (String label : s.people()) {
                tally[1]++;
                String[] parts = label.split("-");
                String surname = parts[parts.length - 1];
                for (List<String> name : names) {
                    if (name.contains(surname) || String.join("-", name).contains(label)) {
                        tally[0]++;
                        break;
                    }
                }
            }
        }

        void orgs(Reuters21578.Story s, Article a, int[] tally) {
            Set<String> acronyms = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Actor actor : a.actors()) {
                if (actor.type() != ActorType.ORGANISATION) {
                    continue;
                }
                names.add(Fold.key(actor.name()));
                acronyms.add(initials(actor.name()));
                OrgDirectory.Org known = orgs.byName(actor.name());
                if (known != null) {
                    known.acronyms().forEach(x -> acronyms.add(x.replace(".", "").toUpperCase(Locale.ROOT)));
                }
                for (Span m : actor.mentions()) {
                    acronyms.add(a.body().substring(m.start(), m.end()).replace(".", "").toUpperCase(Locale.ROOT));
                }
            }
            for (String label : s.orgs()) {
                tally[1]++;
                String name = ORG_NAMES.get(label);
                String acronym = label.split("-")[0].toUpperCase(Locale.ROOT);
                if (name != null ? names.contains(Fold.key(name)) : acronyms.contains(acronym)) {
                    tally[0]++;
                }
            }
        }

        private String initials(String name) {
            StringBuilder b = new StringBuilder();
            for (String w : name.split("[\\s-]+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !lexicon.word(Fold.key(w)).isStopWord()) {
                    b.append(w.charAt(0));
                }
            }
            return b.toString();
        }
    }

    /**
     * {@code ReutersEvaluation DIR [LIMIT [SHOW]]}: prints the report, and what was extracted for the
     * first SHOW stories of the sample.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ReutersEvaluation REUTERS_DIR [LIMIT [SHOW]]");
            System.exit(2);
        }
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int show = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Report r = run(Path.of(args[0]), RuleBasedEnricher.load(), limit, System.out, show);
        System.out.print(r);
    }
}
