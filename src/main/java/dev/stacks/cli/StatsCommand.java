package dev.stacks.cli;

import dev.stacks.app.Archive;
import dev.stacks.search.FacetValue;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Prints what the archive holds.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws Exception {
        try (Archive a = Archive.open(archive.corpus, archive.index)) {
            SearchResult all = a.search().search(SearchRequest.of("").withSize(1));
            System.out.printf("documents: %d%n", all.total());
            System.out.printf("index: %s (%.1f MB)%n", a.index().path(), a.index().sizeBytes() / 1e6);
            System.out.printf("last ingest: %s%n", a.index().lastIngest() == null ? "never" : a.index().lastIngest());
            print("formats", all.facets().get("format"));
            print("top actors", all.facets().get("actor"));
            print("top locations", all.facets().get("location"));
            print("years", all.facets().get("date"));
        }
        return 0;
    }

    private static void print(String heading, List<FacetValue> values) {
        System.out.println(heading + ":");
        for (FacetValue v : values) {
            System.out.printf("  %-40s %d%n", v.value() + (v.type() == null ? "" : " (" + v.type() + ")"), v.count());
        }
    }
}
