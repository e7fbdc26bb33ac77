package dev.stacks.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that starts two extraction workers, prints their pids and waits to be killed: the test of
 * workers dying with their parent kills it with SIGKILL, when no shutdown hook can run.
 * Argument: a folder to write a small text file into.
 */
final class WorkerParent {
    private WorkerParent() {
    }

    public static void main(String[] args) throws Exception {
        Path story = Files.writeString(Path.of(args[0]).resolve("story.html"), "<html><body><p>Dock workers went back to work.</p></body></html>");
        ForkedExtractor extractor = new ForkedExtractor(ExtractionLimits.defaults(), null, 2);
        CountDownLatch both = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                extractor.extract(story, "story.html");
                both.countDown();
                try {
                    both.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
        }
        both.await();
        // both workers were busy at once, so both have started
        System.out.println("workers " + extractor.pids().get(0) + " " + extractor.pids().get(1));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
