package io.camelsegment.component.segment.springboot;

import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentComponent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter covers every component option of the component's segment.json, read at test time: a bindable property
 * of the right type in SegmentComponentConfiguration, and an entry with description and default in Spring's
 * configuration metadata (what IDEs complete). A new component option without a starter property fails here, named.
 */
class SegmentStarterOptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = SegmentComponentConfiguration.PREFIX + ".";

    @Test
    void everyComponentOptionIsABindableProperty() throws Exception {
        Map<String, PropertyDescriptor> properties = new HashMap<>();
        BeanInfo info = Introspector.getBeanInfo(SegmentComponentConfiguration.class);
        for (PropertyDescriptor property : info.getPropertyDescriptors()) {
            if (property.getReadMethod() != null && property.getWriteMethod() != null) {
                properties.put(property.getName(), property);
            }
        }

        List<String> missing = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        Map<String, JsonNode> options = componentOptions();
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            PropertyDescriptor property = properties.get(option.getKey());
            if (property == null) {
                missing.add(option.getKey());
            } else if (property.getPropertyType() != expectedType(option.getValue())) {
                wrongType.add(option.getKey() + ": " + property.getPropertyType().getName()
                        + ", expected " + expectedType(option.getValue()).getName());
            }
        }

        assertTrue(options.size() > 30, "read " + options.size() + " component options from segment.json");
        assertEquals(List.of(), missing, "segment.json component options without a camel.component.segment.* property");
        assertEquals(List.of(), wrongType, "starter properties whose type does not match segment.json");
    }

    @Test
    void springMetadataDocumentsEveryPropertyWithTheComponentsDefault() throws Exception {
        Map<String, JsonNode> metadata = new HashMap<>();
        for (JsonNode property : starterMetadata().get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : componentOptions().entrySet()) {
            String name = PREFIX + kebabCase(option.getKey());
            JsonNode entry = metadata.get(name);
            if (entry == null) {
                problems.add(name + ": not in spring-configuration-metadata.json");
                continue;
            }
            if (!entry.hasNonNull("description") || entry.get("description").asText().isBlank()) {
                problems.add(name + ": no description");
            }
            JsonNode expectedDefault = option.getValue().get("defaultValue");
            JsonNode actualDefault = entry.get("defaultValue");
            if (!sameDefault(option.getValue(), expectedDefault, actualDefault)) {
                problems.add(name + ": default " + actualDefault + ", segment.json says " + expectedDefault);
            }
        }
        assertEquals(List.of(), problems);
        // camel.component.segment.enabled is the starter's own switch (the component has no option of that name).
        assertTrue(metadata.get(PREFIX + "enabled").get("description").asText()
                .startsWith("Whether to enable auto configuration"));
    }

    private static boolean sameDefault(JsonNode option, JsonNode expected, JsonNode actual) {
        if ("java.lang.Boolean".equals(option.get("javaType").asText())) {
            // Camel's tooling writes false for every boolean without a default: a Boolean's is unset
            return actual == null;
        }
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if ("duration".equals(option.get("type").asText())) {
            return DurationStyle.detectAndParse(actual.asText()).toMillis() == expected.asLong();
        }
        return expected.asText().equals(actual.asText());
    }

    private static Class<?> expectedType(JsonNode option) throws ClassNotFoundException {
        if ("duration".equals(option.get("type").asText())) {
            return Duration.class;
        }
        return switch (option.get("javaType").asText()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            default -> Class.forName(option.get("javaType").asText());
        };
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static Map<String, JsonNode> componentOptions() throws Exception {
        Map<String, JsonNode> options = new java.util.LinkedHashMap<>();
        try (InputStream in = SegmentComponent.class.getResourceAsStream(
                "/META-INF/io/camelsegment/component/segment/segment.json")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = MAPPER.readTree(in).get("componentProperties").fields();
                    it.hasNext();) {
                Map.Entry<String, JsonNode> option = it.next();
                options.put(option.getKey(), option.getValue());
            }
        }
        return options;
    }

    /** Our jar's metadata (camel-spring-boot's jar has a file of the same name). */
    private static JsonNode starterMetadata() throws Exception {
        for (URL url : Collections.list(SegmentStarterOptionsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata = MAPPER.readTree(url);
            for (JsonNode group : metadata.get("groups")) {
                if (group.get("name").asText().equals(SegmentComponentConfiguration.PREFIX)) {
                    return metadata;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json with group " + SegmentComponentConfiguration.PREFIX);
    }
}
