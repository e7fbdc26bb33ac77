package dev.stacks.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How the server runs: where the page lives, upload and rate limits, whether reading needs a key,
 * which origins may call the API from a browser (none by default).
 */
public record ServerOptions(Path webDir, long maxUploadBytes, int writesPerMinute, boolean keyForReads, List<String> corsOrigins) {
    public ServerOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ServerOptions defaults(Path webDir) {
        return new ServerOptions(webDir, 100L * 1024 * 1024, 120, false, List.of());
    }
}
