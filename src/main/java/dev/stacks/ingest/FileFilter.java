package dev.stacks.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of a folder an ingest takes. By default it leaves out hidden files and a folder's
 * own description files (README*, MANIFEST*), which describe a collection rather than belong to it;
 * {@code includeAll} takes everything.
 */
public record FileFilter(boolean includeAll, List<String> excludeGlobs) {
    public static final List<String> DEFAULT_EXCLUDES = List.of(".*", "README*", "MANIFEST*");

    public static FileFilter defaults() {
        return new FileFilter(false, DEFAULT_EXCLUDES);
    }

    /** Files under the given paths (files are taken as given; folders are walked), sorted by path. */
    public List<Path> expand(List<Path> paths) throws IOException {
        List<PathMatcher> excludes = excludeGlobs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder");
            }
            if (Files.isRegularFile(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> includeAll || excludes.stream().noneMatch(m -> m.matches(f.getFileName())))
                        .filter(f -> includeAll || !hiddenBelow(path, f))
                        .sorted()
                        .forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return files;
    }

    private static boolean hiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
