package dev.stacks.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files one top-level extraction saves attachments into. Files named for the process that made
 * them ({@code attachment-<pid>-…}) so that when a forked worker is killed mid-file its parent can
 * delete what it left. At the end every file that the result does not hand to the caller is deleted:
 * all of them when there is no work folder or the file was rejected.
 */
final class AttachmentFiles {
    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    private final Path folder;
    private final List<Path> created = new ArrayList<>();

    /** @param folder where to save; null for the system's temporary folder (nothing is handed over then) */
    AttachmentFiles(Path folder) {
        this.folder = folder;
    }

    static String prefix(long pid) {
        return "attachment-" + pid + "-";
    }

    Path create() throws IOException {
        String prefix = prefix(ProcessHandle.current().pid());
        Path file = folder == null ? Files.createTempFile(prefix, ".bin") : Files.createTempFile(folder, prefix, ".bin");
        created.add(file);
        return file;
    }

    /** Deletes every file made for this extraction that {@code result} (null: none) does not hand over. */
    void keepOnly(Extraction result) {
        Set<Path> kept = new HashSet<>();
        if (result != null) {
            handedOver(result, kept);
        }
        for (Path file : created) {
            if (!kept.contains(file)) {
                delete(file);
            }
        }
        created.clear();
    }

    private static void handedOver(Extraction extraction, Set<Path> into) {
        if (extraction.file() != null) {
            into.add(extraction.file());
        }
        extraction.attachments().forEach(a -> handedOver(a, into));
    }

    /** Deletes the attachment files a process (a killed worker) left in {@code folder}. */
    static void deleteLeftovers(Path folder, long pid) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix(pid) + "*")) {
            files.forEach(AttachmentFiles::delete);
        } catch (IOException e) {
            log.warn("cannot list {} to delete the attachments of worker {}: {}", folder, pid, e.toString());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
