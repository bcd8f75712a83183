package io.camelsegment.component.segment.springboot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.camelsegment.component.segment.SegmentComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.segment.*} to the {@code segment} component when Camel creates it, in the shape of
 * Camel's own component starters: a {@link ComponentCustomizer} that copies the bound properties onto the component.
 * {@code camel.component.segment.enabled=false} (or {@code camel.component.enabled=false}) turns it off, and so does
 * {@code camel.component.[segment.]customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SegmentComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", SegmentComponentConfiguration.PREFIX })
public class SegmentComponentAutoConfiguration {

    /**
     * The starter's own switches, inherited from ComponentConfigurationPropertiesCommon: not component options, so
     * they are not copied onto the component (which fails on any key it does not know).
     */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer");

    @Lazy
    @Bean
    public ComponentCustomizer configureSegmentComponent(
            CamelContext camelContext, ApplicationContext applicationContext,
            SegmentComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                options.keySet().removeAll(STARTER_SWITCHES);
                // A whole configuration (camel.component.segment.configuration.*) replaces the component's, so it
                // goes first and the single options are applied on top of it, whatever the map's order.
                Object shared = options.remove("configuration");
                if (shared != null) {
                    bind(target, Map.of("configuration", shared));
                }
                bind(target, options);
            }

            /** Fails, naming the option, when the component cannot take one (instead of dropping it). */
            private void bind(Component target, Map<String, Object> options) {
                CamelPropertiesHelper.setCamelProperties(camelContext, target, new HashMap<>(options), true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", SegmentComponentConfiguration.PREFIX + ".customizer")
                        && target instanceof SegmentComponent;
            }
        };
    }
}
