package dev.stacks.api;

import java.text.Normalizer;

/**
 * Client-supplied file names are display text only: never joined onto a path (the corpus names
 * files by hash). Names that could mean a path — empty, "." or "..", with a slash or backslash,
 * absolute, with NUL or control characters — are refused with a 400 so the client learns of it.
 */
final class FileNames {
    private FileNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("file", "each file part needs a file name");
        }
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (n.equals(".") || n.equals("..") || n.contains("/") || n.contains("\\") || n.matches("^[A-Za-z]:.*")
                || n.chars().anyMatch(c -> c < 0x20 || c == 0x7F) || n.length() > 255
                || n.toLowerCase().contains("%2e%2e") || n.toLowerCase().contains("%2f") || n.contains("%00")) {
            throw ApiException.badRequest("file", "the file name '" + printable(n) + "' is not allowed: use a plain file name without folders");
        }
        return n;
    }

    private static String printable(String n) {
        StringBuilder sb = new StringBuilder();
        n.codePoints().limit(100).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
