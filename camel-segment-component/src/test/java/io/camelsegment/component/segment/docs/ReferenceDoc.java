package io.camelsegment.component.segment.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders {@code docs/reference.md} (options and headers tables) from the component JSON that Camel's tooling
 * generates, so the docs cannot drift from the metadata. {@code DocsReferenceTest} fails when the file differs;
 * regenerate it with {@code -Dsegment.docs.regenerate=true} on that test, or run this class's {@code main} from the
 * component module directory.
 */
public final class ReferenceDoc {

    /** Where the file lives, relative to the component module (the tests' working directory). */
    public static final Path FILE = Path.of("..", "docs", "reference.md");
    static final String JSON = "/META-INF/io/camelsegment/component/segment/segment.json";

    private ReferenceDoc() {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath().normalize());
    }

    public static String render() throws IOException {
        JsonNode root;
        try (InputStream in = ReferenceDoc.class.getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IOException(JSON + " not on the classpath: build the component first");
            }
            root = new ObjectMapper().readTree(in);
        }
        StringBuilder md = new StringBuilder();
        md.append("# segment: options and headers reference\n\n")
                .append("<!-- Generated from segment.json (Camel's component metadata) by ReferenceDoc in the component's "
                        + "test sources. Do not edit by hand: regenerate with\n")
                .append("     mvn -o verify -pl camel-segment-component -Dtest=DocsReferenceTest "
                        + "-Dsegment.docs.regenerate=true -->\n\n")
                .append(root.at("/component/description").asText()).append("\n\n")
                .append("URI syntax: `").append(root.at("/component/syntax").asText()).append("`. ")
                .append("Producer only. How the options and headers shape Tracking API messages: ")
                .append("[tracking-api.md](tracking-api.md).\n\n");

        md.append("## Path parameter\n\n| Name | Type | Required | Values | Description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : root.get("properties").properties()) {
            if ("path".equals(e.getValue().path("kind").asText())) {
                JsonNode p = e.getValue();
                md.append("| `").append(e.getKey()).append("` | ").append(p.path("type").asText()).append(" | ")
                        .append(p.path("required").asBoolean() ? "yes" : "no").append(" | ")
                        .append(values(p)).append(" | ").append(cell(p.path("description").asText())).append(" |\n");
            }
        }

        md.append("\n## Component options\n\nSet once for every endpoint, e.g. `camel.component.segment.writeKey` "
                  + "(Camel Main, Quarkus) or on the `SegmentComponent`; an endpoint URI option overrides it for "
                  + "that endpoint only.\n\n");
        optionsTable(md, root.get("componentProperties"));

        md.append("\n## Endpoint options\n\nURI query parameters, e.g. `segment:track?writeKey=RAW(...)&event=Signed Up`."
                  + " Secret options are masked in Camel's logs and endpoint strings.\n\n");
        JsonNode endpoint = root.get("properties").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) endpoint).remove("operation");
        optionsTable(md, endpoint);

        md.append("\n## Message headers\n\n| Name | Java type | Description |\n|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : root.get("headers").properties()) {
            JsonNode h = e.getValue();
            md.append("| `").append(e.getKey()).append("` | `").append(simpleType(h.path("javaType").asText()))
                    .append("` | ").append(cell(h.path("description").asText()))
                    .append(h.path("secret").asBoolean() ? " (secret)" : "").append(" |\n");
        }
        return md.toString();
    }

    private static void optionsTable(StringBuilder md, JsonNode options) {
        md.append("| Name | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : options.properties()) {
            JsonNode o = e.getValue();
            String type = o.path("type").asText();
            if (o.has("enum")) {
                type = "enum: " + values(o);
            }
            md.append("| `").append(e.getKey()).append("` | ").append(o.path("group").asText()).append(" | ")
                    .append(type).append(" | ").append(defaultValue(o))
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " **Secret.**" : "").append(" |\n");
        }
    }

    /**
     * The default as the code has it. Camel's tooling writes {@code false} for every boolean option without one, also
     * for a {@code java.lang.Boolean}, whose default is unset (null): shown as such.
     */
    private static String defaultValue(JsonNode option) {
        if ("java.lang.Boolean".equals(option.path("javaType").asText())) {
            return "unset";
        }
        return option.has("defaultValue") ? "`" + option.get("defaultValue").asText() + "`" : "";
    }

    private static String values(JsonNode p) {
        if (!p.has("enum")) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        p.get("enum").forEach(v -> s.append(s.length() == 0 ? "" : ", ").append(v.asText()));
        return s.toString();
    }

    private static String simpleType(String javaType) {
        return javaType.replace("java.lang.", "").replace("java.util.", "")
                .replace("io.camelsegment.component.segment.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
