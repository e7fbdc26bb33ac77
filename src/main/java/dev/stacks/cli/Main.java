package dev.stacks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar stacks.jar <command>}: the archive's command line. */
@Command(name = "stacks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A self-hosted, full-text searchable archive of news articles and documents.",
        subcommands = {ServeCommand.class, IngestCommand.class, ReindexCommand.class, SearchCommand.class,
                StatsCommand.class, DeleteCommand.class, KeysCommand.class, EvalCommand.class, dev.stacks.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this rather than main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + Errors.describe(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"stacks " + (v == null ? "dev" : v)};
        }
    }
}
