package dev.stacks.cli;

import dev.stacks.api.ApiKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manages the API keys that uploads and deletes need.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a key; prints it alone on the last line. It is shown only once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ArchiveOptions archive;

        @Parameters(paramLabel = "NAME", description = "A name for the key, recorded with what it uploads.")
        String name;

        @Override
        public Integer call() throws Exception {
            ApiKeys keys = new ApiKeys(ApiKeys.fileIn(archive.corpus));
            String key = keys.create(name);
            System.out.println("created key '" + name + "'; keep it secret, it cannot be shown again:");
            System.out.println(key);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists key names and when they were created.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        ArchiveOptions archive;

        @Override
        public Integer call() throws Exception {
            ApiKeys keys = new ApiKeys(ApiKeys.fileIn(archive.corpus));
            keys.list().forEach(k -> System.out.println(k.name() + "\t" + k.created()));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key by name.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ArchiveOptions archive;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            ApiKeys keys = new ApiKeys(ApiKeys.fileIn(archive.corpus));
            if (!keys.revoke(name)) {
                System.err.println("error: no key named '" + name + "'");
                return 1;
            }
            System.out.println("revoked '" + name + "'");
            return 0;
        }
    }
}
