package dev.stacks.cli;

import dev.stacks.eval.QuoteRecallEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measures search and enrichment quality on Reuters-21578.",
        subcommands = {EvalCommand.Quotes.class, EvalCommand.Enrichment.class})
final class EvalCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Document-level recall of Reuters PLACES (country), PEOPLE (surname) and ORGS, and enrichment speed.")
    static final class Enrichment implements Callable<Integer> {
        @Option(names = "--reuters", required = true, paramLabel = "DIR", description = "The Reuters-21578 folder (reut2-*.sgm).")
        Path reuters;

        @Option(names = "--limit", defaultValue = "0", description = "Stories to evaluate (default: all with a body).")
        int limit;

        @Option(names = "--show", defaultValue = "0", description = "Print what was found in this many stories, for checking by hand.")
        int show;

        @Override
        public Integer call() {
            System.out.print(dev.stacks.enrich.ReutersEvaluation.run(reuters, dev.stacks.app.Enrichers.standard(),
                    limit <= 0 ? Integer.MAX_VALUE : limit, System.out, show));
            return 0;
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = "Recall@1 and @10 of half-remembered quotes (exact, curly, lower case, fragment, a word left out, a word misspelt).")
    static final class Quotes implements Callable<Integer> {
        @Option(names = "--reuters", required = true, paramLabel = "DIR", description = "The Reuters-21578 folder (reut2-*.sgm).")
        Path reuters;

        @Option(names = "--stories", defaultValue = "19043", description = "Stories to index (default: all ${DEFAULT-VALUE} with a body).")
        int stories;

        @Option(names = "--passages", defaultValue = "300", description = "Passages to ask for (default: ${DEFAULT-VALUE}).")
        int passages;

        @Option(names = "--seed", defaultValue = "20261129")
        long seed;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("stacks-eval-");
            try {
                System.out.print(QuoteRecallEvaluation.run(reuters, work, stories, passages, seed));
            } finally {
                dev.stacks.io.Folders.deleteTree(work);
            }
            return 0;
        }
    }
}
