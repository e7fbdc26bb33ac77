package dev.stacks.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags and the If-None-Match test, for answering 304 Not Modified. */
final class Etags {
    private Etags() {
    }

    /** A strong tag for a value that already identifies the bytes (an original's SHA-256). */
    static String of(String value) {
        return "\"" + value + "\"";
    }

    /** A strong tag for a body: 128 bits of its SHA-256. */
    static String ofBytes(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return of(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether an If-None-Match header names this tag: "*", or one of a comma-separated list,
     * compared weakly (a "W/" prefix is ignored), as RFC 9110 asks for If-None-Match.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
