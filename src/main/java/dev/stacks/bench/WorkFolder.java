package dev.stacks.bench;

import dev.stacks.io.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a bench writes its corpora, indexes and converted stories. A temporary folder is deleted
 * on close; a folder the user named ({@code --work}) must be empty or new, and is kept.
 */
final class WorkFolder implements AutoCloseable {
    private final Path root;
    private final boolean temporary;

    private WorkFolder(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    static WorkFolder temporary() throws IOException {
        return new WorkFolder(Files.createTempDirectory("stacks-bench-"), true);
    }

    static WorkFolder named(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--work " + dir + " is not empty: give a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
        return new WorkFolder(dir.toAbsolutePath().normalize(), false);
    }

    Path root() {
        return root;
    }

    /** A new empty sub-folder (deleting what an earlier step left under that name). */
    Path fresh(String name) throws IOException {
        Path dir = root.resolve(name);
        delete(dir);
        return Files.createDirectories(dir);
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            delete(root);
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    static void delete(Path dir) throws IOException {
        Folders.deleteTree(dir);
    }
}
