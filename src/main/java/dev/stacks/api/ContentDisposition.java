package dev.stacks.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition for downloads: an ASCII fallback name plus the exact name (RFC 6266 / 5987). */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
