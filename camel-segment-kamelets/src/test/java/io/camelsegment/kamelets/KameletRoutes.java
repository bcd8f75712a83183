package io.camelsegment.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Loads a YAML DSL file of the test classpath into a context, as Camel Main or JBang would. */
final class KameletRoutes {

    private KameletRoutes() {
    }

    static void load(CamelContext context, String classpathFile) throws Exception {
        load(context, classpathFile, Map.of());
    }

    /** Loads the file with each key of {@code values} replaced by its value (the file's literal settings). */
    static void load(CamelContext context, String classpathFile, Map<String, String> values) throws Exception {
        String text;
        try (InputStream in = KameletRoutes.class.getClassLoader().getResourceAsStream(classpathFile)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(classpathFile, text));
    }
}
