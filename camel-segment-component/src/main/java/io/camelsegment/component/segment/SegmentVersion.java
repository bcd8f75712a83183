package io.camelsegment.component.segment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The component's own version (for User-Agent and context.library), filtered in by Maven at build time. */
public final class SegmentVersion {

    private static final String VERSION = load();

    private SegmentVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SegmentVersion.class.getResourceAsStream("camel-segment-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
