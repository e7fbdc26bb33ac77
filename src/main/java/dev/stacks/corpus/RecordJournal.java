package dev.stacks.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provenance records, as an append-only journal of JSON lines: a changed record is appended
 * again and the latest line wins; a purge appends {@code {"purge": sha}}. One file instead of one
 * per original, because creating a file costs far more than appending a line, and ingest writes
 * a record for every document.
 *
 * <p>A process killed mid-append leaves at most one torn last line; it is cut off when the journal
 * is opened. {@link #sync()} forces the journal to disk and runs before each index commit, so an
 * index never holds a document whose record could be lost. Where each id's latest line starts is
 * kept in a compact map; the records themselves are read from the file when asked for.
 */
final class RecordJournal implements AutoCloseable {
    private final Path file;
    private final ObjectMapper json;
    private final FileChannel channel;
    private final LongLongMap latest = new LongLongMap();
    private long lines;

    RecordJournal(Path file, ObjectMapper json) throws IOException {
        this.file = file;
        this.json = json;
        Files.createDirectories(file.getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        load();
    }

    /** Reads every line once; cuts a torn tail left by a killed process. */
    private void load() throws IOException {
        long goodEnd = 0;
        long offset = 0;
        channel.position(0);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        // offsets are counted in bytes: each line is re-encoded to measure it (the journal is ASCII-safe JSON)
        for (String line; (line = reader.readLine()) != null; ) {
            long length = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (!apply(line, offset)) {
                break;
            }
            offset += length;
            goodEnd = offset;
            lines++;
        }
        goodEnd = Math.min(goodEnd, channel.size());
        if (goodEnd < channel.size()) {
            channel.truncate(goodEnd); // a torn line from a killed process
        }
        if (channel.size() > 0 && lastByte() != '\n') {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size()); // a whole record that lost only its newline
        }
        channel.position(channel.size());
    }

    private byte lastByte() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, channel.size() - 1);
        return one.get(0);
    }

    private boolean apply(String line, long offset) {
        if (line.isBlank()) {
            return true;
        }
        try {
            JsonNode node = json.readTree(line);
            if (node.has("purge")) {
                latest.remove(key(node.get("purge").asText()));
            } else if (node.has("sha256")) {
                latest.put(key(node.get("sha256").asText()), offset);
            } else {
                return false;
            }
            return true;
        } catch (JsonProcessingException e) {
            return false; // a torn line: everything from here is cut
        }
    }

    synchronized void append(OriginalRecord record) throws IOException {
        long offset = write(json.writeValueAsString(record));
        latest.put(key(record.sha256()), offset);
    }

    synchronized void purge(String sha256) throws IOException {
        write(json.writeValueAsString(java.util.Map.of("purge", sha256)));
        latest.remove(key(sha256));
    }

    private long write(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        long offset = channel.size();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = offset;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        lines++;
        return offset;
    }

    /** The latest record of a document id (16 hex digits) or of a full hash. */
    Optional<OriginalRecord> get(String idOrSha) {
        long offset = latest.get(key(idOrSha));
        if (offset < 0) {
            return Optional.empty();
        }
        OriginalRecord record = readAt(offset);
        return idOrSha.length() == 64 && !record.sha256().equals(idOrSha) ? Optional.empty() : Optional.of(record);
    }

    private OriginalRecord readAt(long offset) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long at = offset;
            while (true) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n <= 0) {
                    break;
                }
                buffer.flip();
                int end = -1;
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) == '\n') {
                        end = i;
                        break;
                    }
                }
                line.write(buffer.array(), 0, end < 0 ? n : end);
                if (end >= 0) {
                    break;
                }
                at += n;
            }
            return json.readValue(line.toByteArray(), OriginalRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provenance journal " + file, e);
        }
    }

    /** Every live record, latest version only, in journal order. */
    void forEach(Consumer<OriginalRecord> sink) throws IOException {
        long offset = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                long length = line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (!line.isBlank() && line.contains("\"sha256\"")) {
                    OriginalRecord record = json.readValue(line, OriginalRecord.class);
                    if (latest.get(key(record.sha256())) == offset) {
                        sink.accept(record);
                    }
                }
                offset += length;
            }
        }
    }

    int size() {
        return latest.size();
    }

    /** True when most lines are superseded versions, so a rewrite would pay. */
    boolean wasteful() {
        return lines >= 10_000 && lines >= 2L * latest.size();
    }

    /** Writes the live records, latest versions only, to another file and forces it to disk. */
    void writeLiveTo(Path target) throws IOException {
        try (java.io.BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            IOException[] failure = new IOException[1];
            forEach(r -> {
                try {
                    out.write(json.writeValueAsString(r));
                    out.write('\n');
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** Forces appended records to disk. */
    synchronized void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.force(false);
        channel.close();
    }

    /** The first 64 bits of a hash (or a 16-digit id): the document id as a number. */
    static long key(String idOrSha) {
        return HexFormat.fromHexDigitsToLong(idOrSha.substring(0, 16));
    }
}
