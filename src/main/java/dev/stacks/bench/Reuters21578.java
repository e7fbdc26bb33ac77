package dev.stacks.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the Reuters-21578 SGML distribution ({@code reut2-000.sgm} … {@code reut2-021.sgm}) one
 * story at a time, in NEWID order, with SGML entities decoded ({@code &lt;}, {@code &#3;}) and
 * control characters dropped. The files are 7-bit text with a few stray high bytes, read as
 * ISO-8859-1 so that no byte is lost.
 */
public final class Reuters21578 {

    /**
     * One story. {@code date} is the story's timestamp ({@code 26-FEB-1987 15:01:01.79}); {@code
     * title}, {@code dateline} and {@code body} are empty strings when absent; the category lists
     * are the lower-case codes of the TOPICS, PLACES, PEOPLE and ORGS fields.
     */
    public record Story(int newId, LocalDateTime date, String title, String dateline, String body,
                        List<String> topics, List<String> places, List<String> people, List<String> orgs) {

        public Story {
            topics = List.copyOf(topics);
            places = List.copyOf(places);
            people = List.copyOf(people);
            orgs = List.copyOf(orgs);
        }

        public boolean hasBody() {
            return !body.isBlank();
        }

        /** Title, dateline and body as one plain text, the way a converted document reads. */
        public String text() {
            StringBuilder b = new StringBuilder(title.length() + dateline.length() + body.length() + 4);
            if (!title.isEmpty()) {
                b.append(title).append("\n\n");
            }
            if (!dateline.isEmpty()) {
                b.append(dateline).append(' ');
            }
            return b.append(body).toString();
        }
    }

    private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern D = Pattern.compile("<D>(.*?)</D>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss")
            .toFormatter(Locale.ROOT);

    private Reuters21578() {
    }

    /** Every story of every {@code reut2-*.sgm} file in {@code dir}, read eagerly. */
    public static List<Story> read(Path dir) {
        try (Stream<Story> s = stream(dir)) {
            return s.toList();
        }
    }

    /** The stories lazily, one file open at a time; close the stream to release the file. */
    public static Stream<Story> stream(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("reut2-\\d{3}\\.sgm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Reuters-21578 files in " + dir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no reut2-*.sgm files in " + dir + " (expected the Reuters-21578 distribution)");
        }
        StoryIterator it = new StoryIterator(files);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(it::close);
    }

    /** Parses one {@code <REUTERS …> … </REUTERS>} element. */
    static Story parse(String sgml) {
        Matcher id = NEWID.matcher(sgml);
        int newId = id.find() ? Integer.parseInt(id.group(1)) : -1;
        String text = element(sgml, "TEXT");
        return new Story(newId, date(element(sgml, "DATE")),
                clean(element(text, "TITLE")), clean(element(text, "DATELINE")), body(element(text, "BODY")),
                codes(element(sgml, "TOPICS")), codes(element(sgml, "PLACES")),
                codes(element(sgml, "PEOPLE")), codes(element(sgml, "ORGS")));
    }

    private static String element(String sgml, String tag) {
        int open = sgml.indexOf("<" + tag);
        if (open < 0) {
            return "";
        }
        int contentStart = sgml.indexOf('>', open) + 1;
        int close = sgml.indexOf("</" + tag + ">", contentStart);
        return close < 0 ? sgml.substring(contentStart) : sgml.substring(contentStart, close);
    }

    private static List<String> codes(String field) {
        List<String> out = new ArrayList<>();
        Matcher m = D.matcher(field);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    private static LocalDateTime date(String raw) {
        String s = raw.strip();
        int dot = s.indexOf('.', s.lastIndexOf(':') + 1);
        if (dot > 0) {
            s = s.substring(0, dot);
        }
        try {
            return LocalDateTime.parse(s.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Decodes entities and drops control characters other than line breaks and tabs. */
    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> String.valueOf((char) Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        StringBuilder out = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String clean(String s) {
        return decode(s).strip();
    }

    /** The body without the "Reuter" sign-off that closes nearly every story. */
    private static String body(String raw) {
        String b = decode(raw).stripTrailing();
        for (String signOff : new String[] {"Reuter", "REUTER", "Reuters"}) {
            if (b.endsWith(signOff)) {
                b = b.substring(0, b.length() - signOff.length()).stripTrailing();
                break;
            }
        }
        return b;
    }

    private static final class StoryIterator implements Iterator<Story>, AutoCloseable {
        private final Iterator<Path> files;
        private BufferedReader reader;
        private Story next;

        StoryIterator(List<Path> files) {
            this.files = files.iterator();
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Story next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Story s = next;
            next = null;
            return s;
        }

        private Story advance() {
            try {
                while (true) {
                    if (reader == null) {
                        if (!files.hasNext()) {
                            return null;
                        }
                        reader = Files.newBufferedReader(files.next(), StandardCharsets.ISO_8859_1);
                    }
                    StringBuilder story = null;
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("<REUTERS")) {
                            story = new StringBuilder(4096);
                        }
                        if (story != null) {
                            story.append(line).append('\n');
                            if (line.startsWith("</REUTERS>")) {
                                return parse(story.toString());
                            }
                        }
                    }
                    reader.close();
                    reader = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Reuters-21578 file", e);
            }
        }

        @Override
        public void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // nothing to do: the stream is being abandoned
                }
                reader = null;
            }
        }
    }
}
