package dev.stacks.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.search.ActorRef;
import dev.stacks.search.ExportRow;
import dev.stacks.search.LocationRef;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes export rows as they come (the result set is never held in memory) in one of the export
 * formats: CSV, JSON Lines, CSL-JSON, BibTeX or RIS. Permalinks point at the page's document view.
 * The output stream is opened with the first row (or by {@link #finish()} for an empty result), so
 * a failure before any row leaves the response free for an error body.
 */
final class ExportWriter {

    enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        JSONL("application/x-ndjson; charset=utf-8", "jsonl"),
        CSL_JSON("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
        BIBTEX("application/x-bibtex; charset=utf-8", "bib"),
        RIS("application/x-research-info-systems; charset=utf-8", "ris");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            return switch (value) {
                case "csv" -> CSV;
                case "jsonl" -> JSONL;
                case "csl-json" -> CSL_JSON;
                case "bibtex" -> BIBTEX;
                case "ris" -> RIS;
                default -> throw ApiException.badRequest("format", "format must be csv, jsonl, csl-json, bibtex or ris, not '" + value + "'");
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Format format;
    private final Supplier<OutputStream> stream;
    private final String baseUrl;
    private Writer out;
    private boolean first = true;

    ExportWriter(Format format, Supplier<OutputStream> stream, String baseUrl) {
        this.format = format;
        this.stream = stream;
        this.baseUrl = baseUrl;
    }

    private void open() throws IOException {
        if (out != null) {
            return;
        }
        out = new OutputStreamWriter(stream.get(), StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            out.write("id,title,date,actors,locations,source,format,permalink\r\n");
        } else if (format == Format.CSL_JSON) {
            out.write("[\n");
        }
    }

    void write(ExportRow row) {
        try {
            open();
            switch (format) {
                case CSV -> csv(row);
                case JSONL -> {
                    out.write(JSON.writeValueAsString(plain(row)));
                    out.write('\n');
                }
                case CSL_JSON -> {
                    out.write(first ? "" : ",\n");
                    out.write(JSON.writeValueAsString(csl(row)));
                }
                case BIBTEX -> bibtex(row);
                case RIS -> ris(row);
            }
            first = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String permalink(String id) {
        return baseUrl + "/?doc=" + id;
    }

    private Map<String, Object> plain(ExportRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("date", r.date());
        m.put("actors", r.actors());
        m.put("locations", r.locations().stream().map(LocationRef::path).toList());
        m.put("source", r.sourceName());
        m.put("format", r.format());
        m.put("permalink", permalink(r.id()));
        return m;
    }

    private void csv(ExportRow r) throws IOException {
        List<String> cells = List.of(r.id(), nz(r.title()), nz(r.date()),
                r.actors().stream().map(ActorRef::name).collect(Collectors.joining("; ")),
                r.locations().stream().map(LocationRef::path).collect(Collectors.joining("; ")),
                nz(r.sourceName()), nz(r.format()), permalink(r.id()));
        out.write(cells.stream().map(ExportWriter::csvCell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private Map<String, Object> csl(ExportRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", "article-newspaper");
        m.put("title", r.title());
        if (r.date() != null) {
            m.put("issued", Map.of("date-parts", List.of(dateParts(r.date()))));
        }
        m.put("container-title", r.sourceName());
        m.put("URL", permalink(r.id()));
        return m;
    }

    private static List<Integer> dateParts(String iso) {
        return java.util.Arrays.stream(iso.split("-(?=\\d)")).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private void bibtex(ExportRow r) throws IOException {
        StringBuilder b = new StringBuilder("@article{stacks_").append(r.id()).append(",\n");
        b.append("  title = {").append(bib(nz(r.title()))).append("},\n");
        if (r.date() != null) {
            b.append("  year = {").append(r.date(), 0, Math.min(4, r.date().length())).append("},\n");
            if (r.date().length() >= 7) {
                b.append("  month = {").append(Integer.parseInt(r.date().substring(5, 7))).append("},\n");
            }
        }
        b.append("  note = {").append(bib(nz(r.sourceName()))).append("},\n");
        b.append("  url = {").append(permalink(r.id())).append("}\n}\n\n");
        out.write(b.toString());
    }

    private static String bib(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("&", "\\&").replace("%", "\\%").replace("$", "\\$").replace("#", "\\#").replace("_", "\\_");
    }

    private void ris(ExportRow r) throws IOException {
        StringBuilder b = new StringBuilder("TY  - NEWS\r\n");
        b.append("TI  - ").append(nz(r.title()).replaceAll("\\s+", " ")).append("\r\n");
        if (r.date() != null) {
            b.append("DA  - ").append(r.date().replace('-', '/')).append("\r\n");
            b.append("PY  - ").append(r.date(), 0, Math.min(4, r.date().length())).append("\r\n");
        }
        for (ActorRef a : r.actors()) {
            b.append("KW  - ").append(a.name()).append("\r\n");
        }
        b.append("UR  - ").append(permalink(r.id())).append("\r\n");
        b.append("ID  - ").append(r.id()).append("\r\n");
        b.append("ER  - \r\n\r\n");
        out.write(b.toString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Ends the document (the CSL-JSON array) and flushes; the caller's stream stays open. */
    void finish() throws IOException {
        open();
        if (format == Format.CSL_JSON) {
            out.write(first ? "]\n" : "\n]\n");
        }
        out.flush();
    }
}
