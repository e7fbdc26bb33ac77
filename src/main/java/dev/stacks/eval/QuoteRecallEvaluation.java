package dev.stacks.eval;

import dev.stacks.app.Archive;
import dev.stacks.bench.Reuters21578;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.IngestListener;
import dev.stacks.search.Hit;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SearchResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How well a half-remembered quote finds its article. From Reuters-21578 bodies it takes passages
 * of 8–14 words and asks for each in six ways a researcher might type it (exact with straight or
 * curly quotes, lower case without punctuation, a 5–6 word fragment, one word left out, one word
 * misspelt), then reports recall at rank 1 and within the top 10 for each kind.
 *
 * <p>A hit counts when the document ranked there holds the passage: Reuters repeats some stories
 * word for word, and either copy is the right answer.
 */
public final class QuoteRecallEvaluation {

    public enum Kind {
        EXACT_STRAIGHT("exact, straight quotes"),
        EXACT_CURLY("exact, curly quotes"),
        LOWER_UNPUNCTUATED("lower case, no punctuation"),
        FRAGMENT("5-6 word fragment"),
        WORD_LEFT_OUT("one word left out"),
        WORD_MISSPELT("one word misspelt");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Recall figures per kind. */
    public record Report(int stories, int passages, Map<Kind, double[]> recall, double millisPerQuery) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "quote recall over %d Reuters stories, %d passages (%.1f ms a query)%n",
                    stories, passages, millisPerQuery));
            sb.append(String.format(Locale.ROOT, "%-28s %10s %10s%n", "kind", "recall@1", "recall@10"));
            recall.forEach((kind, r) -> sb.append(String.format(Locale.ROOT, "%-28s %10.3f %10.3f%n", kind.label, r[0], r[1])));
            return sb.toString();
        }
    }

    private static final Pattern RUN = Pattern.compile("[A-Za-z][A-Za-z'’,-]*(?: [A-Za-z][A-Za-z'’,.-]*){13,}");

    private QuoteRecallEvaluation() {
    }

    /**
     * @param work an empty folder for the temporary archive
     */
    public static Report run(Path reutersDir, Path work, int stories, int passages, long seed) throws IOException {
        Path files = work.resolve("stories");
        Files.createDirectories(files);
        List<String> bodies = new ArrayList<>();
        try (Stream<Reuters21578.Story> all = Reuters21578.stream(reutersDir)) {
            for (Reuters21578.Story s : all.filter(Reuters21578.Story::hasBody).limit(stories).toList()) {
                Files.writeString(files.resolve(s.newId() + ".txt"), s.text(), StandardCharsets.UTF_8);
                bodies.add(s.body());
            }
        }
        try (Archive archive = Archive.open(work.resolve("corpus"), work.resolve("index"))) {
            archive.ingestor().ingest(List.of(files), FileFilter.defaults(), IngestListener.NONE);
            return evaluate(archive, bodies, passages, seed);
        }
    }

    static Report evaluate(Archive archive, List<String> bodies, int passages, long seed) {
        Random random = new Random(seed);
        Map<Kind, int[]> found = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            found.put(k, new int[2]);
        }
        int asked = 0;
        long nanos = 0;
        int queries = 0;
        for (int attempt = 0; asked < passages && attempt < passages * 20; attempt++) {
            String passage = passage(bodies.get(random.nextInt(bodies.size())), random);
            if (passage == null) {
                continue;
            }
            String[] words = passage.split(" ");
            String fragment = String.join(" ", java.util.Arrays.copyOfRange(words, 0, 5 + random.nextInt(2)));
            // a fragment that several stories share identifies none of them
            if (archive.search().search(SearchRequest.of("\"" + fragment + "\"")).total() > 1) {
                continue;
            }
            asked++;
            Map<Kind, String> asks = new EnumMap<>(Kind.class);
            asks.put(Kind.EXACT_STRAIGHT, "\"" + passage + "\"");
            asks.put(Kind.EXACT_CURLY, "\u201C" + passage + "\u201D");
            asks.put(Kind.LOWER_UNPUNCTUATED, passage.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", ""));
            asks.put(Kind.FRAGMENT, "\"" + fragment + "\"");
            asks.put(Kind.WORD_LEFT_OUT, "\"" + leaveOut(words, random) + "\"");
            asks.put(Kind.WORD_MISSPELT, "\"" + misspell(words, random) + "\"");
            String must = fragment; // every kind is judged by the fragment, which identifies one story
            for (Map.Entry<Kind, String> ask : asks.entrySet()) {
                long t = System.nanoTime();
                SearchResult result = archive.search().search(SearchRequest.of(ask.getValue()).withSize(10));
                nanos += System.nanoTime() - t;
                queries++;
                List<Hit> hits = result.hits();
                for (int rank = 0; rank < hits.size(); rank++) {
                    if (holds(archive, hits.get(rank).id(), must)) {
                        if (rank == 0) {
                            found.get(ask.getKey())[0]++;
                        }
                        found.get(ask.getKey())[1]++;
                        break;
                    }
                }
            }
        }
        Map<Kind, double[]> recall = new EnumMap<>(Kind.class);
        int n = Math.max(1, asked);
        found.forEach((k, f) -> recall.put(k, new double[] {(double) f[0] / n, (double) f[1] / n}));
        return new Report(bodies.size(), asked, recall, queries == 0 ? 0 : nanos / 1e6 / queries);
    }

    /** A run of 8–14 plain words from a body, on one line. */
    static String passage(String body, Random random) {
        String flat = body.replaceAll("\\s+", " ");
        Matcher m = RUN.matcher(flat);
        List<String> runs = new ArrayList<>();
        while (m.find()) {
            runs.add(m.group());
        }
        if (runs.isEmpty()) {
            return null;
        }
        String[] words = runs.get(random.nextInt(runs.size())).split(" ");
        int length = 8 + random.nextInt(7);
        if (words.length < length) {
            return null;
        }
        int start = random.nextInt(words.length - length + 1);
        return String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length));
    }

    private static String leaveOut(String[] words, Random random) {
        int drop = 1 + random.nextInt(words.length - 2);
        List<String> kept = new ArrayList<>(List.of(words));
        kept.remove(drop);
        return String.join(" ", kept);
    }

    private static String misspell(String[] words, Random random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].replaceAll("[^A-Za-z]", "").length() >= 5) {
                candidates.add(i);
            }
        }
        String[] copy = words.clone();
        if (candidates.isEmpty()) {
            return String.join(" ", copy);
        }
        int i = candidates.get(random.nextInt(candidates.size()));
        String w = copy[i];
        int at = 1 + random.nextInt(w.length() - 2);
        // swap two neighbouring letters: the typo people make most
        copy[i] = w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
        return String.join(" ", copy);
    }

    private static boolean holds(Archive archive, String id, String words) {
        String text = archive.search().document(id, null).map(d -> d.text().replaceAll("\\s+", " ")).orElse("");
        return text.contains(words);
    }
}
