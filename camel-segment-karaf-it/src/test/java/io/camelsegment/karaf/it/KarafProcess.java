package io.camelsegment.karaf.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Karaf started in server mode (no console) as a child process; closing it kills its whole process tree. */
final class KarafProcess implements AutoCloseable {

    private static final List<String> FAILURE_MARKERS = List.of(
            "Error installing boot feature", "KARAF-IT failed", "KARAF-IT no resolved bundle");

    private final KarafInstance instance;
    private final Process process;
    private final Path console;

    private KarafProcess(KarafInstance instance, Process process, Path console) {
        this.instance = instance;
        this.process = process;
        this.console = console;
    }

    static KarafProcess start(KarafInstance instance) throws IOException {
        Path console = instance.home().resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/karaf", "server")
                .directory(instance.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new KarafProcess(instance, builder.start(), console);
    }

    /**
     * Whether Karaf can no longer deliver: it exited, a boot feature failed to install (e.g. our bundle's imports did
     * not resolve), or the stand-in reported that the route could not start.
     */
    boolean hasFailed() {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String log = instance.log();
            return FAILURE_MARKERS.stream().anyMatch(log::contains);
        } catch (IOException e) {
            return false;
        }
    }

    /** Karaf's state for a failure message: alive or not, the console, and the log's last lines. */
    String describe() {
        StringBuilder text = new StringBuilder("Karaf process ").append(process.isAlive() ? "running" : "exited");
        try {
            text.append("\n--- console ---\n").append(tail(Files.readString(console), 40));
            text.append("\n--- data/log/karaf.log ---\n").append(tail(instance.log(), 120));
        } catch (IOException e) {
            text.append("\n(could not read Karaf's output: ").append(e).append(')');
        }
        return text.toString();
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
