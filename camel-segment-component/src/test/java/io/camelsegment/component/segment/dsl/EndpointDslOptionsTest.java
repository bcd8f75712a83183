package io.camelsegment.component.segment.dsl;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.dsl.SegmentEndpointBuilderFactory.AdvancedSegmentEndpointBuilder;
import io.camelsegment.component.segment.dsl.SegmentEndpointBuilderFactory.SegmentEndpointBuilder;
import io.camelsegment.component.segment.dsl.builders.StaticEndpointBuilders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed builders cover every endpoint option of the component's current metadata. An option added to
 * SegmentConfiguration changes segment.json at build time; if the builders were not regenerated and committed with it,
 * this test names the option.
 */
class EndpointDslOptionsTest {

    private static final String SEGMENT_JSON = "/META-INF/io/camelsegment/component/segment/segment.json";

    @Test
    void everyEndpointOptionHasABuilderMethod() throws Exception {
        Set<String> methods = new TreeSet<>();
        for (Class<?> builder : List.of(SegmentEndpointBuilder.class, AdvancedSegmentEndpointBuilder.class)) {
            for (Method method : builder.getMethods()) {
                if (method.getDeclaringClass() == builder && method.getParameterCount() == 1) {
                    methods.add(method.getName());
                }
            }
        }

        List<String> options = endpointQueryOptions();
        List<String> missing = new ArrayList<>();
        for (String option : options) {
            if (!methods.contains(option)) {
                missing.add(option);
            }
        }

        assertTrue(options.size() > 30, "read " + options.size() + " options from " + SEGMENT_JSON);
        assertEquals(List.of(), missing, "segment.json options without an Endpoint DSL method (regenerate with "
                + "mvn -pl camel-segment-component process-classes and commit src/generated)");
    }

    @Test
    void everyOperationIsAPathTheBuilderAccepts() throws Exception {
        JsonNode operation = metadata().at("/properties/operation");
        assertEquals("path", operation.get("kind").asText());
        for (JsonNode name : operation.get("enum")) {
            String uri = StaticEndpointBuilders.segment(name.asText()).getRawUri();
            assertEquals("segment://" + name.asText(), uri);
        }
    }

    private static List<String> endpointQueryOptions() throws Exception {
        List<String> options = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata().get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            if ("parameter".equals(option.getValue().get("kind").asText())) {
                options.add(option.getKey());
            }
        }
        return options;
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = SegmentComponent.class.getResourceAsStream(SEGMENT_JSON)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
