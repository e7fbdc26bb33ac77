package dev.stacks.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start an extraction worker: this JVM's own java binary and class path, a bounded heap, and
 * settings that suit a child that only parses.
 *
 * @param heapMegabytes the worker's maximum heap; a parse that needs more ends the worker (reported as a crash)
 * @param mainClass     {@link ExtractWorker}, or a test's stand-in
 * @param workFolder    passed to the worker for attachments; null for none
 * @param limits        the limits the worker prepares its extractor with before it says it is ready
 */
record WorkerCommand(String java, String classPath, int heapMegabytes, String mainClass, Path workFolder,
                     ExtractionLimits limits) {

    /** The worker that runs {@link ExtractWorker} with this JVM's binary and class path. */
    static WorkerCommand standard(ExtractionLimits limits, int heapMegabytes, Path workFolder) {
        return of(ExtractWorker.class.getName(), limits, heapMegabytes, workFolder);
    }

    static WorkerCommand of(String mainClass, ExtractionLimits limits, int heapMegabytes, Path workFolder) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new WorkerCommand(java, System.getProperty("java.class.path"), heapMegabytes, mainClass,
                workFolder == null ? null : workFolder.toAbsolutePath(), limits);
    }

    /** @param tempFolder the worker's own temporary folder, inside the work folder; null for the system's */
    List<String> arguments(Path tempFolder) {
        List<String> args = new ArrayList<>(List.of(java,
                "-Xmx" + heapMegabytes + "m",
                // a parse that runs out of memory ends the worker at once instead of limping on
                "-XX:+ExitOnOutOfMemoryError",
                // one parse at a time on a small heap: the serial collector, no GC threads competing for cores
                "-XX:+UseSerialGC",
                // no hsperfdata file in /tmp: the worker writes only into the work folder
                "-XX:-UsePerfData",
                // the JVM's own messages ("Terminating due to java.lang.OutOfMemoryError") and logging go to
                // stderr: stdout carries protocol frames only
                "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-Djava.awt.headless=true"));
        if (tempFolder != null) {
            args.add("-Djava.io.tmpdir=" + tempFolder);
        }
        args.addAll(List.of("-cp", classPath, mainClass, workFolder == null ? "-" : workFolder.toString()));
        args.addAll(WorkerProtocol.limitsAsArguments(limits));
        return args;
    }

    /** The command for error messages, without the (long) class path. */
    String describe() {
        return java + " -Xmx" + heapMegabytes + "m … " + mainClass;
    }
}
