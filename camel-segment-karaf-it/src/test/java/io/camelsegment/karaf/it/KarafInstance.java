package io.camelsegment.karaf.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** A private copy of the unpacked Karaf distribution, configured through its etc/ files as a user would. */
final class KarafInstance {

    private final Path home;

    private KarafInstance(Path home) {
        this.home = home;
    }

    static KarafInstance copyOf(Path distribution, Path home) throws IOException {
        ItRepository.copyTree(distribution, home);
        return new KarafInstance(home);
    }

    Path home() {
        return home;
    }

    /**
     * Resolves mvn: URLs only from Karaf's system folder and {@code repository} (nothing remote, nothing from or into
     * ~/.m2), installs {@code feature} from {@code featuresRepository} at boot, and moves the SSH and JMX ports to
     * free ones.
     */
    void configure(Path repository, Path localRepository, String featuresRepository, String feature)
            throws IOException {
        Path settings = localRepository.resolve("settings.xml");
        Files.createDirectories(localRepository);
        Files.writeString(settings, "<settings/>\n");
        append("etc/org.ops4j.pax.url.mvn.cfg", "\n"
                + "org.ops4j.pax.url.mvn.settings = " + settings.toUri() + "\n"
                + "org.ops4j.pax.url.mvn.localRepository = " + localRepository + "\n"
                + "org.ops4j.pax.url.mvn.repositories = \n"
                + "org.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}system@id=system.repository@snapshots, "
                + repository.toUri() + "@id=camel-segment-it@snapshots\n");
        replace("etc/org.apache.karaf.features.cfg", "featuresRepositories = \\",
                "featuresRepositories = " + featuresRepository + ", \\");
        replace("etc/org.apache.karaf.features.cfg", "featuresBoot = \\", "featuresBoot = " + feature + ", \\");
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
    }

    /** Writes a configuration file into etc/ (read there by the stand-in's CamelContext). */
    void writeEtc(String name, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(properties).forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(home.resolve("etc").resolve(name), text);
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void append(String file, String text) throws IOException {
        Path path = home.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }

    private void replace(String file, String line, String replacement) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(line)) {
            throw new IllegalStateException(file + " has no line " + line);
        }
        Files.writeString(path, text.replace(line, replacement));
    }

    private void setProperty(String file, String key, int value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path);
        String updated = text.replaceFirst("(?m)^" + key + "\\s*=.*$", Matcher.quoteReplacement(key + " = " + value));
        if (updated.equals(text)) {
            throw new IllegalStateException(file + " has no property " + key);
        }
        Files.writeString(path, updated);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
