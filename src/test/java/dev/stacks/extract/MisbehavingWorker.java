package dev.stacks.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker main class whose parser misbehaves on command, chosen by the file name, to test what
 * {@link ForkedExtractor} does about it: "spin…" loops forever on the CPU (a runaway parse),
 * "hog…" allocates until the heap is gone, "halt…" ends the JVM as a native crash would,
 * "chatty…" prints on stdout before answering, "litter…" leaves an attachment file and then spins.
 * Any other file is read as UTF-8 text, without Tika, so that these workers start fast.
 */
final class MisbehavingWorker {
    private static volatile long spins;

    private MisbehavingWorker() {
    }

    public static void main(String[] args) throws IOException {
        ExtractWorker.run(args, (limits, workFolder) -> (file, fileName, contentType) -> extract(file, fileName, workFolder));
    }

    private static Extraction extract(Path file, String fileName, Path workFolder) {
        try {
            if (fileName.startsWith("spin")) {
                spin();
            } else if (fileName.startsWith("hog")) {
                List<byte[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new byte[1 << 20]);
                }
            } else if (fileName.startsWith("halt")) {
                Runtime.getRuntime().halt(42);
            } else if (fileName.startsWith("chatty")) {
                System.out.println("a library that prints on stdout");
            } else if (fileName.startsWith("litter")) {
                Files.createTempFile(workFolder, AttachmentFiles.prefix(ProcessHandle.current().pid()), ".bin");
                spin();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return new Extraction(text, null, "text/plain", Map.of(), ExtractionStatus.TEXT, null, false, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void spin() {
        while (true) {
            spins++;
        }
    }
}
