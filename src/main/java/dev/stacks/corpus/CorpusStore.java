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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The archive's source of truth: every original, stored once under its SHA-256
 * ({@code originals/ab/<sha256>}), and a provenance record for each in the journal
 * {@code records.jsonl} (see {@link RecordJournal}). Other folders under the corpus root (such as
 * {@code samples/}) are the librarian's own and are never touched.
 *
 * <p>Order of writes, for crash safety: the bytes first, then the record, then (by the caller)
 * the index commit after {@link #sync()}. A killed process leaves at worst an original without a
 * record; the same bytes arriving again find it, check it and carry on.
 *
 * <p>A new original's record is held in memory until {@link #update} gives it its outcome, so each
 * document costs one file and one journal line.
 */
public final class CorpusStore implements AutoCloseable {
    private static final String ORIGINALS = "originals";
    private static final String WORK = ".work";
    private static final String JOURNAL = "records.jsonl";

    private final Path root;
    private final Path originals;
    private final Path work;
    private final RecordJournal journal;
    private final ConcurrentHashMap<String, OriginalRecord> pending = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[256];
    /** Fan-out folders known to exist (at most 256). */
    private final java.util.Set<Path> knownFolders = ConcurrentHashMap.newKeySet();
    /** Files up to this size are read once into memory to be hashed and stored. */
    private static final long READ_WHOLE_MAX = 1 << 20;

    public CorpusStore(Path root) {
        // striped so that two workers storing the same bytes serialise, without a lock per document
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        this.root = root.toAbsolutePath().normalize();
        this.originals = this.root.resolve(ORIGINALS);
        this.work = this.root.resolve(WORK);
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Files.createDirectories(originals);
            Files.createDirectories(work);
            this.journal = openJournal(originals.resolve(JOURNAL), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the corpus folder " + this.root + ": check it exists and is writable", e);
        }
    }

    private static RecordJournal openJournal(Path file, ObjectMapper json) throws IOException {
        RecordJournal journal = new RecordJournal(file, json);
        if (!journal.wasteful()) {
            return journal;
        }
        Path compacted = file.resolveSibling(JOURNAL + ".compacted");
        journal.writeLiveTo(compacted);
        journal.close();
        move(compacted, file);
        return new RecordJournal(file, json);
    }

    public Path root() {
        return root;
    }

    /** A folder for temporary files on the corpus's own file system (atomic moves need that). */
    public Path workFolder() {
        return work;
    }

    /**
     * Keeps a file's bytes in the corpus and notes its arrival. Bytes already archived are not
     * copied again; the receipt is added unless it is the same name from the same place. A small
     * file (most articles) is read once into memory, hashed and written from there; a large one is
     * hashed while streamed, then copied (read twice, from the page cache the second time).
     */
    public StoreResult put(Path file, Receipt receipt) throws IOException {
        return put(file, receipt, null);
    }

    /**
     * As {@link #put(Path, Receipt)}, for a document that came inside another (an e-mail's
     * attachment): {@code parentId} links it to the message it came in.
     */
    public StoreResult put(Path file, Receipt receipt, String parentId) throws IOException {
        long size = Files.size(file);
        byte[] bytes = size <= READ_WHOLE_MAX ? Files.readAllBytes(file) : null;
        if (bytes != null) {
            size = bytes.length; // the file may have changed since it was measured: what was read counts
        }
        String sha = bytes != null ? Sha256.of(bytes) : Sha256.of(file);
        synchronized (lockFor(sha)) {
            StoreResult known = known(sha, size, receipt);
            if (known != null) {
                return known;
            }
            Path target = bytesPath(sha);
            ensureFanOutFolder(target.getParent());
            try {
                if (bytes != null) {
                    Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } else {
                    Files.copy(file, target);
                }
            } catch (FileAlreadyExistsException e) {
                // left by a process killed before it wrote the record: keep it if whole, else replace
                if (Files.size(target) != size) {
                    Path temp = Files.createTempFile(work, "incoming-", ".part");
                    Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                    move(temp, target);
                }
            }
            return fresh(sha, size, receipt, parentId);
        }
    }

    /** Creates a fan-out folder ({@code originals/ab}) once; asking the disk for each file costs a system call and an exception. */
    private void ensureFanOutFolder(Path folder) throws IOException {
        if (!knownFolders.contains(folder)) {
            Files.createDirectories(folder);
            knownFolders.add(folder);
        }
    }

    /** As {@link #put(Path, Receipt)}, from a stream (an upload): spooled to a temporary file while hashed. */
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
                StoreResult known = known(sha, size, receipt);
                if (known != null) {
                    return known;
                }
                ensureFanOutFolder(bytesPath(sha).getParent());
                move(temp, bytesPath(sha));
                return fresh(sha, size, receipt, null);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The record of bytes already here (with the receipt added), or null if they are new. */
    private StoreResult known(String sha, long size, Receipt receipt) throws IOException {
        OriginalRecord record = pending.get(sha);
        boolean persisted = false;
        if (record == null) {
            record = journal.get(sha).orElse(null);
            persisted = record != null;
        }
        if (record == null || !Files.exists(bytesPath(sha))) {
            return null;
        }
        if (!hasReceipt(record, receipt)) {
            record = record.withReceipt(receipt);
            if (persisted) {
                journal.append(record);
            } else {
                pending.put(sha, record);
            }
        }
        return new StoreResult(record, false);
    }

    private StoreResult fresh(String sha, long size, Receipt receipt, String parentId) {
        OriginalRecord record = new OriginalRecord(sha, size, null, List.of(receipt), null, null, null, false, parentId, false);
        pending.put(sha, record);
        return new StoreResult(record, true);
    }

    private static boolean hasReceipt(OriginalRecord record, Receipt receipt) {
        return record.receipts().stream().anyMatch(r -> r.name().equals(receipt.name())
                && Objects.equals(r.from(), receipt.from())
                && Objects.equals(r.apiKey(), receipt.apiKey()));
    }

    /** The record for a hash, if the corpus holds it. */
    public Optional<OriginalRecord> record(String sha256) {
        if (!DocumentIds.isSha256(sha256)) {
            return Optional.empty();
        }
        OriginalRecord p = pending.get(sha256);
        return p != null ? Optional.of(p) : journal.get(sha256);
    }

    /** The record for a document id (the first 16 hex digits of the hash). */
    public Optional<OriginalRecord> findById(String id) {
        if (!DocumentIds.isId(id)) {
            return Optional.empty();
        }
        for (OriginalRecord p : pending.values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return journal.get(id);
    }

    /** Records a changed record (its outcome after extraction, a delete), and takes it out of memory. */
    public void update(OriginalRecord record) throws IOException {
        synchronized (lockFor(record.sha256())) {
            journal.append(record);
            // a receipt that arrived while this record was being processed is kept
            OriginalRecord latest = pending.remove(record.sha256());
            if (latest != null && latest.receipts().size() > record.receipts().size()) {
                OriginalRecord merged = record;
                for (Receipt r : latest.receipts().subList(record.receipts().size(), latest.receipts().size())) {
                    merged = merged.withReceipt(r);
                }
                journal.append(merged);
            }
        }
    }

    /** Forces the journal to disk; call before committing an index that refers to its records. */
    public void sync() throws IOException {
        journal.sync();
    }

    /** The stored bytes of an original. */
    public Path bytesPath(String sha256) {
        if (!DocumentIds.isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return originals.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Every record in the corpus (latest versions), in the order they were first written. */
    public Stream<OriginalRecord> records() throws IOException {
        List<OriginalRecord> all = new ArrayList<>(journal.size());
        journal.forEach(all::add);
        return all.stream();
    }

    /** How many originals have a record. */
    public int size() {
        return journal.size();
    }

    /** Removes an original and its record for good (delete --purge). */
    public void purge(String sha256) throws IOException {
        synchronized (lockFor(sha256)) {
            journal.purge(sha256);
            pending.remove(sha256);
            Files.deleteIfExists(bytesPath(sha256));
        }
    }

    /**
     * Removes temporary files a killed process left behind. Call it only while holding the
     * index's write lock, which guarantees no other Stacks process is writing to this corpus.
     */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work, "incoming-*.part")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void close() throws IOException {
        journal.close();
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
