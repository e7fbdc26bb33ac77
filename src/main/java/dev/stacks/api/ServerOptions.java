package dev.stacks.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the server runs: where the page lives, the upload and write-rate limits, whether reading
 * needs a key, which origins may call the API from a browser (none by default), and how long a
 * connection may sit idle (no bytes either way) before the server drops it, which bounds slow or
 * stalled clients.
 *
 * @param maxUploadBytes  the largest upload request accepted (all its files together); larger is a 413
 * @param writesPerMinute uploads and deletes per client address and minute; more is a 429
 * @param corsOrigins     origins such as {@code https://example.org} allowed to call from a browser
 * @param idleTimeout     how long a read or write may stall, while a request is sent, handled or answered
 */
public record ServerOptions(Path webDir, long maxUploadBytes, int writesPerMinute, boolean keyForReads, List<String> corsOrigins,
                            Duration idleTimeout) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerOptions {
        corsOrigins = List.copyOf(corsOrigins);
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("maxUploadBytes must be positive, not " + maxUploadBytes);
        }
        if (writesPerMinute < 1) {
            throw new IllegalArgumentException("writesPerMinute must be positive, not " + writesPerMinute);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
        }
    }

    /** With the default idle timeout. */
    public ServerOptions(Path webDir, long maxUploadBytes, int writesPerMinute, boolean keyForReads, List<String> corsOrigins) {
        this(webDir, maxUploadBytes, writesPerMinute, keyForReads, corsOrigins, DEFAULT_IDLE_TIMEOUT);
    }

    /** 100 MB uploads, 120 writes a minute, open reads, no CORS, 30 s idle timeout. */
    public static ServerOptions defaults(Path webDir) {
        return new ServerOptions(webDir, 100L * 1024 * 1024, 120, false, List.of(), DEFAULT_IDLE_TIMEOUT);
    }

    public ServerOptions withMaxUploadBytes(long bytes) {
        return new ServerOptions(webDir, bytes, writesPerMinute, keyForReads, corsOrigins, idleTimeout);
    }

    public ServerOptions withWritesPerMinute(int writes) {
        return new ServerOptions(webDir, maxUploadBytes, writes, keyForReads, corsOrigins, idleTimeout);
    }

    public ServerOptions withKeyForReads(boolean required) {
        return new ServerOptions(webDir, maxUploadBytes, writesPerMinute, required, corsOrigins, idleTimeout);
    }

    public ServerOptions withCorsOrigins(List<String> origins) {
        return new ServerOptions(webDir, maxUploadBytes, writesPerMinute, keyForReads, origins, idleTimeout);
    }

    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(webDir, maxUploadBytes, writesPerMinute, keyForReads, corsOrigins, timeout);
    }
}
