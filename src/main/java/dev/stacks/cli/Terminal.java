package dev.stacks.cli;

/** Renders snippet HTML for a terminal: marks as [brackets], entities decoded. */
final class Terminal {
    private Terminal() {
    }

    static String marks(String html) {
        return html.replace("<mark>", "[").replace("</mark>", "]")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
