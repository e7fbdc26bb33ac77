package dev.stacks.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The archive's source of truth: every original, stored once under its SHA-256, with a provenance
 * record beside it. Layout: {@code originals/ab/<sha256>} holds the bytes and
 * {@code originals/ab/<sha256>.json} the {@link OriginalRecord}. Files are written to a temporary
 * name and moved into place atomically, so a crash leaves either the old state or the new one.
 *
 * <p>Other folders under the corpus root (such as {@code samples/}) are the librarian's own and
 * are never touched here.
 */
public final class CorpusStore {
    private static final String ORIGINALS = "originals";
    private static final String WORK = ".work";

    private final Path root;
    private final Path originals;
    private final Path work;
    private final ObjectMapper json;
    private final Object[] locks = new Object[256];

    public CorpusStore(Path root) {
        // striped so that two workers storing the same bytes serialise, without a lock per document
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        this.root = root.toAbsolutePath().normalize();
        this.originals = this.root.resolve(ORIGINALS);
        this.work = this.root.resolve(WORK);
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
        try {
            Files.createDirectories(originals);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the corpus folder " + this.root + ": check it is writable", e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Removes temporary files a killed process left behind. Call it only while holding the
     * index's write lock, which guarantees no other Stacks process is writing to this corpus.
     */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work, "{incoming-*.part,record-*.json}")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                removed++;
            }
        }
        return removed;
    }

    /** A folder for temporary files on the corpus's own file system (atomic moves need that). */
    public Path workFolder() {
        return work;
    }

    /**
     * Copies a file into the corpus (streaming; hashing while copying) and records its arrival.
     * Bytes already archived are not copied again; the receipt is added unless it is the same
     * name from the same place.
     */
    public StoreResult put(Path file, Receipt receipt) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, receipt);
        }
    }

    /** As {@link #put(Path, Receipt)}, from a stream (an upload). */
    public StoreResult put(InputStream in, Receipt receipt) throws IOException {
        Path temp = Files.createTempFile(work, "incoming-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = in.transferTo(out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            synchronized (lockFor(sha)) {
                Optional<OriginalRecord> existing = record(sha);
                if (existing.isPresent() && Files.exists(bytesPath(sha))) {
                    OriginalRecord record = existing.get();
                    if (!hasReceipt(record, receipt)) {
                        record = record.withReceipt(receipt);
                        write(record);
                    }
                    return new StoreResult(record, false);
                }
                Files.createDirectories(bytesPath(sha).getParent());
                move(temp, bytesPath(sha));
                OriginalRecord record = new OriginalRecord(sha, size, null, List.of(receipt), null, null, null, false, null, false);
                write(record);
                return new StoreResult(record, true);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean hasReceipt(OriginalRecord record, Receipt receipt) {
        return record.receipts().stream().anyMatch(r -> r.name().equals(receipt.name())
                && java.util.Objects.equals(r.from(), receipt.from())
                && java.util.Objects.equals(r.apiKey(), receipt.apiKey()));
    }

    /** The record for a hash, if the corpus holds it. */
    public Optional<OriginalRecord> record(String sha256) {
        if (!DocumentIds.isSha256(sha256)) {
            return Optional.empty();
        }
        Path path = recordPath(sha256);
        try {
            return Optional.of(json.readValue(path.toFile(), OriginalRecord.class));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provenance record " + path, e);
        }
    }

    /** The record for a document id (the first 16 hex digits of the hash). */
    public Optional<OriginalRecord> findById(String id) {
        if (!DocumentIds.isId(id)) {
            return Optional.empty();
        }
        Path dir = originals.resolve(id.substring(0, 2));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, id + "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                return record(name.substring(0, name.length() - ".json".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** Replaces a record (after extraction, or on delete). */
    public void update(OriginalRecord record) throws IOException {
        synchronized (lockFor(record.sha256())) {
            write(record);
        }
    }

    /** The stored bytes of an original. */
    public Path bytesPath(String sha256) {
        if (!DocumentIds.isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return originals.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Every record in the corpus, in no particular order; the stream must be closed. */
    public Stream<OriginalRecord> records() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(originals)) {
            ds.forEach(dirs::add);
        }
        return dirs.stream()
                .filter(Files::isDirectory)
                .flatMap(dir -> {
                    List<Path> files = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
                        ds.forEach(files::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return files.stream();
                })
                .map(f -> {
                    String name = f.getFileName().toString();
                    return record(name.substring(0, name.length() - ".json".length()));
                })
                .flatMap(Optional::stream);
    }

    /** Removes an original and its record for good (delete --purge). */
    public void purge(String sha256) throws IOException {
        synchronized (lockFor(sha256)) {
            Files.deleteIfExists(bytesPath(sha256));
            Files.deleteIfExists(recordPath(sha256));
        }
    }

    private Path recordPath(String sha256) {
        return originals.resolve(sha256.substring(0, 2)).resolve(sha256 + ".json");
    }

    private void write(OriginalRecord record) throws IOException {
        Path target = recordPath(record.sha256());
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(work, "record-", ".json");
        try {
            json.writeValue(temp.toFile(), record);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Object lockFor(String sha) {
        return locks[Integer.parseInt(sha.substring(0, 2), 16)];
    }
}
