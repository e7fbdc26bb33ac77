package dev.stacks.extract;

import dev.stacks.io.Folders;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What extraction leaves in a work folder when its process is killed: attachment files not yet
 * archived ({@code attachment-*}) and the temporary folders of forked workers ({@code worker-*}).
 * A worker that is stopped or killed by its parent is cleaned up at once; only a killed parent
 * leaves these behind.
 */
public final class ExtractionLeftovers {

    private ExtractionLeftovers() {
    }

    /**
     * Deletes them. Call it only when no extractor uses the folder (at start, holding the lock that
     * keeps other processes out), since a live worker's folder looks the same as a dead one's.
     *
     * @return how many files and folders were removed
     */
    public static int remove(Path workFolder) throws IOException {
        if (!Files.isDirectory(workFolder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workFolder, "{attachment-*,worker-*}")) {
            for (Path entry : entries) {
                Folders.deleteTree(entry);
                removed++;
            }
        }
        return removed;
    }
}
