package io.camelsegment.kamelets;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.camelsegment.component.segment.SegmentApi;
import io.camelsegment.component.segment.SegmentOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelet files as the catalog's tools read them: the conventions of the Kamelet catalog, secrets marked as
 * credentials, and a template in step with the component (every operation offered, every parameter a real option).
 */
class KameletDefinitionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}");

    @ParameterizedTest
    @ValueSource(strings = {"segment-sink", "segment-action"})
    void followsTheKameletCatalogsConventions(String name) throws Exception {
        JsonNode kamelet = kamelet(name);
        String type = name.substring("segment-".length());

        assertEquals("camel.apache.org/v1", kamelet.path("apiVersion").asText());
        assertEquals("Kamelet", kamelet.path("kind").asText());
        assertEquals(name, kamelet.at("/metadata/name").asText());
        assertEquals(type, kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText());
        assertEquals(System.getProperty("segment.version"),
                kamelet.at("/metadata/annotations").path("camel.apache.org/catalog.version").asText());
        assertEquals("object", kamelet.at("/spec/definition/type").asText());
        assertEquals("kamelet:source", kamelet.at("/spec/template/from/uri").asText());
        JsonNode properties = kamelet.at("/spec/definition/properties");
        for (JsonNode required : kamelet.at("/spec/definition/required")) {
            assertTrue(properties.has(required.asText()), "required but not defined: " + required);
        }
        properties.fields().forEachRemaining(property -> {
            assertTrue(property.getValue().hasNonNull("title"), property.getKey() + " has no title");
            assertTrue(property.getValue().hasNonNull("description"), property.getKey() + " has no description");
        });
        List<String> dependencies = new ArrayList<>();
        kamelet.at("/spec/dependencies").forEach(d -> dependencies.add(d.asText()));
        assertTrue(dependencies.contains("camel:kamelet"), dependencies.toString());
        assertTrue(dependencies.contains("mvn:io.camelsegment:camel-segment:" + System.getProperty("segment.version")),
                dependencies.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment-sink", "segment-action"})
    void marksEverySecretAsACredential(String name) throws Exception {
        JsonNode properties = kamelet(name).at("/spec/definition/properties");
        Set<String> secrets = secretOptions();
        int checked = 0;
        for (String secret : secrets) {
            JsonNode property = properties.path(secret);
            if (!property.isMissingNode()) {
                checked++;
                assertEquals("password", property.path("format").asText(), secret);
                assertTrue(property.path("x-descriptors").toString().contains("urn:camel:group:credentials"), secret);
            }
        }
        assertTrue(checked > 0, "the Kamelet takes no secret: " + secrets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment-sink", "segment-action"})
    void offersEveryOperationOfItsApi(String name) throws Exception {
        SegmentApi api = name.equals("segment-sink") ? SegmentApi.TRACKING : SegmentApi.PUBLIC;
        Set<String> offered = new TreeSet<>();
        kamelet(name).at("/spec/definition/properties/operation/enum").forEach(op -> offered.add(op.asText()));

        Set<String> operations = new TreeSet<>();
        Arrays.stream(SegmentOperation.values()).filter(op -> op.getApi() == api).forEach(op -> operations.add(op.name()));
        assertEquals(operations, offered);
        assertEquals("segment:{{operation}}", kamelet(name).at("/spec/template/from/steps/0/to/uri").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment-sink", "segment-action"})
    void templateAndPropertiesMatchAndEveryParameterIsAnEndpointOption(String name) throws Exception {
        JsonNode kamelet = kamelet(name);
        JsonNode parameters = kamelet.at("/spec/template/from/steps/0/to/parameters");
        Set<String> options = endpointOptions();
        Set<String> used = new TreeSet<>();
        Matcher operation = PLACEHOLDER.matcher(kamelet.at("/spec/template/from/steps/0/to/uri").asText());
        while (operation.find()) {
            used.add(operation.group(1));
        }
        parameters.fields().forEachRemaining(parameter -> {
            assertTrue(options.contains(parameter.getKey()), "not an option of segment: " + parameter.getKey());
            Matcher placeholder = PLACEHOLDER.matcher(parameter.getValue().asText());
            assertTrue(placeholder.find(), parameter.getKey() + " = " + parameter.getValue());
            assertEquals(parameter.getKey(), placeholder.group(1), "a parameter takes the property of its name");
            used.add(placeholder.group(1));
        });
        Set<String> defined = new TreeSet<>();
        kamelet.at("/spec/definition/properties").fieldNames().forEachRemaining(defined::add);
        assertEquals(defined, used, "every property is used by the template, every placeholder is a property");
    }

    private static JsonNode kamelet(String name) throws Exception {
        try (InputStream in = KameletDefinitionsTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static JsonNode segmentJson() throws Exception {
        try (InputStream in = SegmentOperation.class.getResourceAsStream(
                "/META-INF/io/camelsegment/component/segment/segment.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> endpointOptions() throws Exception {
        Set<String> options = new HashSet<>();
        segmentJson().path("properties").fieldNames().forEachRemaining(options::add);
        return options;
    }

    private static Set<String> secretOptions() throws Exception {
        Set<String> secrets = new TreeSet<>();
        segmentJson().path("properties").fields().forEachRemaining(option -> {
            if (option.getValue().path("secret").asBoolean()) {
                secrets.add(option.getKey());
            }
        });
        return secrets;
    }
}
