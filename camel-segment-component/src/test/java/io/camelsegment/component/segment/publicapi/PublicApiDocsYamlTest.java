package io.camelsegment.component.segment.publicapi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The YAML routes of docs/public-api.md: each one is loaded, started and run once against WireMock, and the request
 * it makes is checked against the spec like every other (see {@link PublicApiTestSupport}).
 */
class PublicApiDocsYamlTest extends PublicApiTestSupport {

    private static final Path DOC = Paths.get("..", "docs", "public-api.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        // Not ACCESS_TOKEN: Camel core logs resolved placeholder values at DEBUG, and the secret tests scan the log.
        properties.setProperty("segment.accessToken", "docs_placeholder_token");
        properties.setProperty("segment.oldWriteKey", "wk_old_for_docs");
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // only the documented routes
            }
        };
    }

    @Test
    void everyYamlExampleLoadsStartsAndSendsOneConformingRequest() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{}}")));
        List<String> blocks = yamlBlocks();
        assertEquals(9, blocks.size(), "one YAML route per operation");

        for (int i = 0; i < blocks.size(); i++) {
            int before = context.getRoutes().size();
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("doc-" + i + ".yaml",
                    blocks.get(i)));
            Route route = context.getRoutes().get(before);
            int requestsBefore = received().size();

            Exchange result = template.request(route.getEndpoint().getEndpointUri(),
                    e -> e.getMessage().setHeader("sourceToDelete", SOURCE_ID));

            assertNull(result.getException(), "YAML example " + i + " failed");
            assertEquals(requestsBefore + 1, received().size(), "YAML example " + i + " sends one request");
        }
    }

    private static List<String> yamlBlocks() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
