package dev.stacks.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the lexicon files beside this class (plain or gzipped UTF-8, '#' starts a comment line). */
final class ResourceFiles {

    private ResourceFiles() {
    }

    /** The non-blank, non-comment lines of a resource, each split on tabs (trailing empty cells kept). */
    static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name)) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    static List<String> lines(String name) {
        InputStream in = ResourceFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing enrichment resource dev/stacks/enrich/" + name
                    + " (rebuild it with tools/gazetteer/build.mjs or restore it from git)");
        }
        try (InputStream raw = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
             BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read enrichment resource " + name, e);
        }
    }

    static String cell(String[] row, int i) {
        return i < row.length ? row[i].strip() : "";
    }

    static List<String> list(String[] row, int i) {
        String c = cell(row, i);
        if (c.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : c.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
