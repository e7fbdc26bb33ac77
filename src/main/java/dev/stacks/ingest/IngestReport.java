package dev.stacks.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of one ingest run, in the order the files finished. */
public record IngestReport(List<FileResult> files, Duration elapsed) {
    public IngestReport {
        files = List.copyOf(files);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        files.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        return counts;
    }

    public List<FileResult> rejected() {
        return files.stream().filter(f -> f.outcome() == Outcome.REJECTED).toList();
    }

    public long bytes() {
        return files.stream().mapToLong(FileResult::bytes).sum();
    }
}
