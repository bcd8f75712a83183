package io.camelsegment.karaf.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Maven repository Karaf resolves from: what the build copied (our bundle, our features repository, Jackson,
 * HttpClient 5) plus a stand-in for camel-karaf's features repository at the coordinates our feature.xml references,
 * declaring camel-karaf's feature names (camel-core, camel-jackson, jackson, camel-http, http-client) with the stand-in bundle.
 */
final class ItRepository {

    private ItRepository() {
    }

    static Path prepare(Path target, Path copied, Path standInBundle, String camelVersion) throws IOException {
        copyTree(copied, target);
        String camelKaraf = referencedCamelKarafVersion(target);
        Path features = target.resolve("org/apache/camel/karaf/apache-camel/" + camelKaraf
                + "/apache-camel-" + camelKaraf + "-features.xml");
        Files.createDirectories(features.getParent());
        String jackson = onlyVersion(target.resolve("com/fasterxml/jackson/core/jackson-databind"));
        String httpclient = onlyVersion(target.resolve("org/apache/httpcomponents/client5/httpclient5"));
        String httpcore = onlyVersion(target.resolve("org/apache/httpcomponents/core5/httpcore5"));
        Files.writeString(features, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Test stand-in for camel-karaf's features repository: same feature names, Camel %1$s embedded in one bundle. -->
                <features xmlns="http://karaf.apache.org/xmlns/features/v1.6.0" name="camel-karaf-stand-in">
                    <feature name="camel-core" version="%1$s">
                        <bundle>%2$s</bundle>
                    </feature>
                    <feature name="jackson" version="%3$s">
                        <bundle dependency="true">mvn:com.fasterxml.jackson.core/jackson-databind/%3$s</bundle>
                        <bundle dependency="true">mvn:com.fasterxml.jackson.core/jackson-core/%3$s</bundle>
                        <bundle dependency="true">mvn:com.fasterxml.jackson.core/jackson-annotations/%3$s</bundle>
                    </feature>
                    <feature name="camel-jackson" version="%1$s">
                        <feature version="[%1$s,%1$s]">camel-core</feature>
                        <feature version="%3$s">jackson</feature>
                    </feature>
                    <!-- As camel-karaf declares it: Karaf's wrap: handler makes the plain jars bundles. -->
                    <feature name="http-client" version="%4$s">
                        <bundle dependency="true">wrap:mvn:org.apache.httpcomponents.core5/httpcore5/%5$s$Bundle-SymbolicName=wrap_httpcore5&amp;Bundle-Version=%5$s</bundle>
                        <bundle dependency="true">wrap:mvn:org.apache.httpcomponents.client5/httpclient5/%4$s$Bundle-SymbolicName=wrap_httpclient5&amp;Bundle-Version=%4$s</bundle>
                    </feature>
                    <!-- camel-karaf's camel-http adds HttpCore 5 H2 (wrapped) to http-client; its camel-http bundles,
                         left out here, import H2, so H2 is always installed: here it is a plain (not dependency) bundle. -->
                    <feature name="camel-http" version="%1$s">
                        <feature version="[%1$s,%1$s]">camel-core</feature>
                        <feature version="[5,6)">http-client</feature>
                        <bundle>wrap:mvn:org.apache.httpcomponents.core5/httpcore5-h2/%5$s$Bundle-SymbolicName=wrap_httpcore5-h2&amp;Bundle-Version=%5$s</bundle>
                    </feature>
                </features>
                """.formatted(camelVersion, standInBundle.toUri(), jackson, httpclient, httpcore));
        return target;
    }

    /** The camel-karaf version in our features repository's {@code <repository>} element. */
    private static String referencedCamelKarafVersion(Path repository) throws IOException {
        try (Stream<Path> files = Files.walk(repository.resolve("io/camelsegment/camel-segment-karaf"))) {
            Path ours = files.filter(p -> p.toString().endsWith("-features.xml")).findFirst().orElseThrow();
            String xml = Files.readString(ours);
            String prefix = "mvn:org.apache.camel.karaf/apache-camel/";
            int start = xml.indexOf(prefix) + prefix.length();
            return xml.substring(start, xml.indexOf('/', start));
        }
    }

    private static String onlyVersion(Path artifactDirectory) throws IOException {
        try (Stream<Path> versions = Files.list(artifactDirectory)) {
            return versions.filter(Files::isDirectory).map(p -> p.getFileName().toString()).reduce((a, b) -> {
                throw new IllegalStateException("two versions in " + artifactDirectory + ": " + a + ", " + b);
            }).orElseThrow();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
