package dev.stacks.cli;

import dev.stacks.app.Archive;
import dev.stacks.search.Hit;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SearchResult;
import dev.stacks.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Searches the archive and prints the hits.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. '\"exact phrase\" actor:landau'.")
    String query;

    @Option(names = "--actor", description = "Only documents naming this actor (repeatable).")
    List<String> actors = List.of();

    @Option(names = "--location", description = "Only documents about this place path, e.g. Mexico/Jalisco (repeatable).")
    List<String> locations = List.of();

    @Option(names = "--from", description = "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
    String from;

    @Option(names = "--to", description = "Latest date.")
    String to;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or -date.")
    String sort;

    @Option(names = "--size", defaultValue = "10", description = "Hits to show (1-100).")
    int size;

    @Override
    public Integer call() throws Exception {
        try (Archive a = Archive.open(archive.corpus, archive.index)) {
            SearchResult result = a.search().search(new SearchRequest(query, actors, locations, from, to, List.of(),
                    SortOrder.parse(sort), 1, size, null));
            System.out.printf("%d hits (%d ms)%n", result.total(), result.tookMs());
            for (Hit hit : result.hits()) {
                System.out.printf("%n%s  %s  [%s]%n", hit.id(), hit.title(), hit.date() == null ? "undated" : hit.date());
                for (String snippet : hit.snippets()) {
                    System.out.println("    " + Terminal.marks(snippet));
                }
            }
        }
        return 0;
    }
}
