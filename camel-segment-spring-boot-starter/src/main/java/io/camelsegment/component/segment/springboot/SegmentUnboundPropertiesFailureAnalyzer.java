package io.camelsegment.component.segment.springboot;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * The startup report for misspelt {@code camel.component.segment.*} keys. Spring Boot's own report for unbound
 * properties prints each value, and a misspelt write key's value is the key itself; this one names the properties
 * and where they were set, never their values. It runs before Spring Boot's analyzer and answers only when every
 * unbound property is one of ours.
 */
public class SegmentUnboundPropertiesFailureAnalyzer
        extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        if (!cause.getUnboundProperties().stream().allMatch(SegmentUnboundPropertiesFailureAnalyzer::isOurs)) {
            return null;
        }
        String properties = cause.getUnboundProperties().stream()
                .map(property -> "    " + property.getName() + " (set in " + property.getOrigin() + ")")
                .sorted()
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "Unknown camel.component.segment properties (values not shown):\n" + properties,
                "Correct the names: every option of the segment component is a camel.component.segment.<option> "
                        + "property, in kebab case (write-key) or camel case (writeKey); IDEs with Spring Boot "
                        + "support complete them.",
                cause);
    }

    private static boolean isOurs(ConfigurationProperty property) {
        return property.getName().toString().startsWith(SegmentComponentConfiguration.PREFIX + ".");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
