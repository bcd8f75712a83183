package io.camelsegment.component.segment.osgi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Descriptors.PackageRef;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import io.camelsegment.component.segment.SegmentComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSGi manifest bnd writes for Apache Karaf (the jar uses this same file): identity, exported API, import ranges
 * that Karaf users' bundles satisfy, and no package used by the classes left unimported.
 */
class OsgiManifestTest {

    private static final String ROOT = "io.camelsegment.component.segment";
    private static final Set<String> INTERNAL = Set.of(ROOT + ".http", ROOT + ".json", ROOT + ".publicapi",
            ROOT + ".tracking", ROOT + ".tracking.buffer");

    private static Path classes;
    private static Manifest manifest;

    @BeforeAll
    static void readManifest() throws Exception {
        classes = Path.of(SegmentComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = classes.resolve("META-INF/MANIFEST.MF");
        assertTrue(Files.exists(file), "bnd-process writes " + file + " in process-classes");
        try (InputStream in = Files.newInputStream(file)) {
            manifest = new Manifest(in);
        }
    }

    private static String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    private static Parameters parameters(String name) {
        String value = header(name);
        return new Parameters(value == null ? "" : value);
    }

    @Test
    void identifiesTheBundle() {
        assertEquals("2", header("Bundle-ManifestVersion"));
        assertEquals("io.camelsegment.camel-segment", header("Bundle-SymbolicName"));
        assertTrue(header("Bundle-Version").startsWith(apiVersion() + "."), header("Bundle-Version"));
        assertTrue(header("Require-Capability").contains("(osgi.ee=JavaSE)(version=17)"), header("Require-Capability"));
    }

    @Test
    void exportsTheApiPackagesAtTheReleaseVersionAndKeepsInternalsPrivate() {
        Parameters exports = parameters("Export-Package");
        assertTrue(exports.containsKey(ROOT), "exports " + exports.keySet());
        exports.forEach((pkg, attrs) -> {
            assertTrue(pkg.equals(ROOT) || pkg.startsWith(ROOT + "."), pkg + " is not ours");
            assertFalse(INTERNAL.contains(pkg), pkg + " is internal and must stay private");
            assertEquals(apiVersion(), attrs.get("version"), pkg + " version");
        });
        Set<String> privatePackages = parameters("Private-Package").keySet();
        assertTrue(privatePackages.containsAll(INTERNAL), "private: " + privatePackages);
        // Every package of ours is either exported or private: none is left out of the bundle.
        assertEquals(ourPackages(), union(exports.keySet(), privatePackages));
    }

    @Test
    void everyPackageTheClassesUseIsImportedOrInsideTheBundle() throws Exception {
        Set<String> imported = parameters("Import-Package").keySet();
        try (Jar jar = new Jar(classes.toFile()); Analyzer analyzer = new Analyzer(jar)) {
            analyzer.analyze();
            Set<String> contained = names(analyzer.getContained().keySet());
            Set<String> referred = names(analyzer.getReferred().keySet());
            assertTrue(referred.containsAll(Set.of("org.apache.camel.support", "com.fasterxml.jackson.databind",
                    "org.apache.hc.client5.http.impl.classic")), "the analysis sees the classes' references: " + referred);
            Set<String> missing = new TreeSet<>();
            for (String used : referred) {
                if (!used.startsWith("java.") && !contained.contains(used) && !imported.contains(used)) {
                    missing.add(used);
                }
            }
            assertEquals(Set.of(), missing, "packages used by the classes but neither imported nor in the bundle");
            assertTrue(imported.stream().noneMatch(contained::contains), "imports a package of its own: " + imported);
        }
        assertNull(header("DynamicImport-Package"), "no DynamicImport-Package");
    }

    @Test
    void importsRangesThatKarafUsersBundlesSatisfy() {
        Parameters imports = parameters("Import-Package");
        assertTrue(imports.keySet().stream().anyMatch(p -> p.startsWith("org.apache.camel")), imports.keySet()::toString);
        imports.forEach((pkg, attrs) -> {
            if (pkg.startsWith("javax.")) {
                // The JDK's own packages (javax.net.ssl for TLS) come from the system bundle, unversioned.
                assertNull(attrs.get("version"), pkg + " is the JDK's: no version range");
                return;
            }
            assertNotNull(attrs.get("version"), pkg + " has no version range");
            VersionRange range = new VersionRange(attrs.get("version"));
            if (pkg.equals("org.apache.camel") || pkg.startsWith("org.apache.camel.")) {
                // camel-karaf exports Camel's packages at Camel's version: 4.18.x today; we also build on 4.22.
                assertIncludes(range, pkg, "4.18.0", "4.18.1", "4.22.0");
                assertExcludes(range, pkg, "4.17.0", "5.0.0");
                // Only the Endpoint DSL's builders may go without camel-endpointdsl.
                assertEquals(pkg.startsWith("org.apache.camel.builder.endpoint"),
                        "optional".equals(attrs.get("resolution:")), pkg + " resolution");
            } else if (pkg.startsWith("com.fasterxml.jackson.")) {
                assertIncludes(range, pkg, "2.19.4", "2.22.1");
                assertExcludes(range, pkg, "3.0.0");
            } else if (pkg.startsWith("org.apache.hc.")) {
                // Karaf's wrap: handler (how camel-karaf installs HttpClient 5) exports without a version: 0.0.0.
                assertIncludes(range, pkg, "0.0.0", "5.5.1", "5.6.3");
                assertExcludes(range, pkg, "6.0.0");
            } else if (pkg.equals("org.slf4j")) {
                assertIncludes(range, pkg, "1.7.36", "2.0.17");
            } else {
                throw new AssertionError("unexpected import " + pkg + attrs);
            }
        });
    }

    @Test
    void importsTheCamelApiCamelKarafLooksForBeforeRegisteringTheComponent() {
        // camel-karaf's activator registers a bundle's components only if the bundle imports Component's package
        // (org.apache.camel) and its configurers only if it imports GeneratedPropertyConfigurer's (org.apache.camel.spi)
        // from the Camel it runs on.
        Set<String> imported = parameters("Import-Package").keySet();
        assertTrue(imported.containsAll(Set.of("org.apache.camel", "org.apache.camel.spi")), imported::toString);
    }

    @Test
    void keepsTheDescriptorsCamelKarafDiscoversComponentsBy() throws Exception {
        Path descriptor = classes.resolve("META-INF/services/org/apache/camel/component/segment");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(descriptor)) {
            properties.load(in);
        }
        assertEquals(SegmentComponent.class.getName(), properties.getProperty("class"));
        for (String kept : new String[] {
                "META-INF/services/org/apache/camel/configurer/segment-component",
                "META-INF/services/org/apache/camel/configurer/segment-endpoint",
                "META-INF/services/org/apache/camel/urifactory/segment-endpoint",
                "META-INF/io/camelsegment/component/segment/segment.json",
                "META-INF/jandex.idx" }) {
            assertTrue(Files.exists(classes.resolve(kept)), kept);
        }
    }

    /** The release version of the API packages: the project version without qualifier. */
    private static String apiVersion() {
        String bundleVersion = header("Bundle-Version");
        Version version = Version.parseVersion(bundleVersion);
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    private static Set<String> ourPackages() {
        try (var files = Files.walk(classes.resolve(ROOT.replace('.', '/')))) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> names(Set<PackageRef> refs) {
        return refs.stream().map(PackageRef::getFQN).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertIncludes(VersionRange range, String pkg, String... versions) {
        for (String version : versions) {
            assertTrue(range.includes(Version.parseVersion(version)), pkg + " " + range + " must accept " + version);
        }
    }

    private static void assertExcludes(VersionRange range, String pkg, String... versions) {
        for (String version : versions) {
            assertFalse(range.includes(Version.parseVersion(version)), pkg + " " + range + " must refuse " + version);
        }
    }
}
