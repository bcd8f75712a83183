package io.camelsegment.component.segment.springboot;

import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.http.SegmentHttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed properties ({@code configuration}, {@code ssl-context-parameters}, {@code http-client-configurer},
 * {@code worker-pool}) from a bean
 * reference, {@code #bean:name} or {@code #name}, as Camel's own starters do: the named bean of the Spring context.
 * Any other text is not converted, so Spring reports the property as not bindable.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class SegmentComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(SegmentConfiguration.class, SSLContextParameters.class,
            SegmentHttpClientConfigurer.class, ExecutorService.class);

    private final ApplicationContext applicationContext;

    public SegmentComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, SegmentConfiguration.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, SegmentHttpClientConfigurer.class),
                new ConvertiblePair(String.class, ExecutorService.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
