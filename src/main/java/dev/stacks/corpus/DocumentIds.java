package dev.stacks.corpus;

import java.util.regex.Pattern;

/** Document ids and hashes: what they look like and how one derives from the other. */
public final class DocumentIds {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private DocumentIds() {
    }

    /** 64 bits of the hash: collisions are negligible below billions of documents and URLs stay short. */
    public static String fromSha256(String sha256) {
        return sha256.substring(0, 16);
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    public static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }
}
