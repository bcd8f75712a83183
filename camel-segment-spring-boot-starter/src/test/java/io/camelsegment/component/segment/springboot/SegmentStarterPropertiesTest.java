package io.camelsegment.component.segment.springboot;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.http.SegmentHttpClientConfigurer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How camel.component.segment.* keys are read: relaxed names bind, misspelt names stop the start, the switch. */
@ExtendWith(OutputCaptureExtension.class)
class SegmentStarterPropertiesTest {

    /** application.properties refers to these; here no receiver is needed, nothing is sent. */
    private static final String[] RECEIVER = {
            "segment.receiver.tracking-url=http://127.0.0.1:9/v1", "segment.receiver.write-key=wk_props_test" };

    @Test
    void misspeltPropertyFailsTheStartNamingItButNotItsValue(CapturedOutput output) {
        Exception e = assertThrows(Exception.class, () -> start("--camel.component.segment.writ-key=wk_typo").close());

        String messages = causes(e);
        assertTrue(messages.contains("camel.component.segment.writ-key"), messages);
        assertTrue(messages.contains("left unbound"), messages);
        assertFalse(messages.contains("wk_typo"), messages);
        // The startup report (SegmentUnboundPropertiesFailureAnalyzer) names the key and where it was set.
        assertTrue(output.getAll().contains("Unknown camel.component.segment properties (values not shown)"), output.getAll());
        assertTrue(output.getAll().contains("camel.component.segment.writ-key (set in"), output.getAll());
        assertFalse(output.getAll().contains("wk_typo"), output.getAll());
    }

    @Test
    void misspeltNestedPropertyFailsTooWhileCamelCaseAndNestedNamesBind() {
        Exception e = assertThrows(Exception.class,
                () -> start("--camel.component.segment.configuration.maxRetrys=2").close());
        assertTrue(causes(e).contains("camel.component.segment.configuration.maxretrys"), causes(e));

        try (ConfigurableApplicationContext app = start("--camel.component.segment.maxRetries=4",
                "--camel.component.segment.connectTimeout=2500",
                "--camel.component.segment.configuration.user-id=nested-default-user")) {
            SegmentConfiguration configuration = configuration(app);
            assertEquals(4, configuration.getMaxRetries());
            assertEquals(2500L, configuration.getConnectTimeout()); // a bare number is milliseconds
            // A nested configuration is applied first, the single options (application.properties) on top of it.
            assertEquals("nested-default-user", configuration.getUserId());
            assertEquals("wk_props_test", configuration.getWriteKey());
        }
    }

    @Test
    void enabledFalseTurnsTheStarterOff() {
        try (ConfigurableApplicationContext app = start("--camel.component.segment.enabled=false",
                "--camel.component.segment.writ-key=not-checked-when-off")) {
            SegmentConfiguration configuration = configuration(app);
            assertNull(configuration.getWriteKey());
            assertNull(configuration.getEvent());
        }
    }

    @Test
    void sourceEnabledIsAPropertyBesideTheStarterSwitch() {
        try (ConfigurableApplicationContext app = start("--camel.component.segment.source-enabled=false")) {
            SegmentConfiguration configuration = configuration(app);
            assertEquals(Boolean.FALSE, configuration.getSourceEnabled()); // updateSource's default
            assertEquals("wk_props_test", configuration.getWriteKey());     // the starter itself is on
        }
    }

    @Test
    void beanTypedPropertiesBindBeanReferences() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StarterTestApplication.class,
                SegmentBeans.class).properties(RECEIVER).run(
                        "--camel.component.segment.ssl-context-parameters=#bean:segmentTls",
                        "--camel.component.segment.http-client-configurer=#segmentHttp",
                        "--camel.component.segment.use-global-ssl-context-parameters=true",
                        "--camel.component.segment.proxy-host=proxy.internal",
                        "--camel.component.segment.proxy-port=3128")) {
            SegmentConfiguration configuration = configuration(app);
            assertSame(app.getBean("segmentTls"), configuration.getSslContextParameters());
            assertSame(app.getBean("segmentHttp"), configuration.getHttpClientConfigurer());
            assertEquals("proxy.internal", configuration.getProxyHost());
            assertEquals(3128, configuration.getProxyPort());
            assertTrue(app.getBean(CamelContext.class).getComponent("segment", SegmentComponent.class)
                    .isUseGlobalSslContextParameters());
        }
    }

    /** A whole configuration from a bean, as Camel's starters bind one; flat properties apply on top of it. */
    @Test
    void theConfigurationBindsABeanReference() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StarterTestApplication.class,
                SegmentBeans.class).properties(RECEIVER).run(
                        "--camel.component.segment.configuration=#bean:sharedSegmentConfiguration",
                        "--camel.component.segment.max-retries=7")) {
            SegmentConfiguration configuration = configuration(app);
            assertEquals("orderId", configuration.getMessageIdKey(), "from the bean");
            assertEquals(7, configuration.getMaxRetries(), "the flat property on top");
        }
    }

    @Test
    void aBeanTypedPropertyThatNamesNoBeanFailsTheStart() {
        Exception e = assertThrows(Exception.class,
                () -> start("--camel.component.segment.ssl-context-parameters=segmentTls").close());
        assertTrue(causes(e).contains("camel.component.segment.ssl-context-parameters"), causes(e));
        Exception unknown = assertThrows(Exception.class,
                () -> start("--camel.component.segment.ssl-context-parameters=#bean:noSuchBean").close());
        assertTrue(causes(unknown).contains("camel.component.segment.ssl-context-parameters"), causes(unknown));
        assertTrue(causes(unknown).contains("noSuchBean"), causes(unknown));
    }

    /** Beans an application defines for the bean-typed properties to refer to. */
    @Configuration(proxyBeanMethods = false)
    static class SegmentBeans {

        @Bean
        SegmentConfiguration sharedSegmentConfiguration() {
            SegmentConfiguration configuration = new SegmentConfiguration();
            configuration.setMessageIdKey("orderId");
            return configuration;
        }

        @Bean
        SSLContextParameters segmentTls() {
            return new SSLContextParameters();
        }

        @Bean
        SegmentHttpClientConfigurer segmentHttp() {
            return new SegmentHttpClientConfigurer() {
            };
        }
    }

    /** Starts the test application with application.properties and these command-line arguments on top. */
    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(StarterTestApplication.class)
                .properties(RECEIVER)
                .run(arguments);
    }

    private static SegmentConfiguration configuration(ConfigurableApplicationContext app) {
        return app.getBean(CamelContext.class).getComponent("segment", SegmentComponent.class).getConfiguration();
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
