package io.camelsegment.component.segment;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.http.HttpClientSettings;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.json.SegmentJson;
import io.camelsegment.component.segment.tracking.buffer.TrackingBatcherRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * The {@code segment:} component. Holds the default {@link SegmentConfiguration} and what endpoints share: the pooled
 * HTTP client(s), the buffered senders ({@code batching=true}) and the JSON mapper.
 */
@Component("segment")
public class SegmentComponent extends DefaultComponent implements SSLContextParametersAware {

    private static final String SENSITIVE_KEYWORD = "writeKey";

    static {
        // secret = true only feeds tooling; Camel's runtime URI masking needs the keyword too.
        URISupport.addSanitizeKeywords(SENSITIVE_KEYWORD);
    }

    @Metadata(description = "The shared configuration: every endpoint starts from a copy of it")
    private SegmentConfiguration configuration = new SegmentConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSLContextParameters of the Camel context for endpoints that set no "
                            + "sslContextParameters of their own")
    private boolean useGlobalSslContextParameters;

    private final Map<HttpClientSettings, SegmentHttpClient> httpClients = new ConcurrentHashMap<>();
    private final TrackingBatcherRegistry batchers = new TrackingBatcherRegistry();
    private final ObjectMapper objectMapper = SegmentJson.newMapper();

    public SegmentComponent() {
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            registerSensitiveKeyword(camelContext.getCamelContextExtension());
        }
    }

    /**
     * Makes Camel mask writeKey wherever it masks secrets by property name (e.g. Camel Main's startup summary of
     * {@code camel.component.segment.write-key}); its built-in list knows accessToken but not writeKey.
     */
    private static void registerSensitiveKeyword(ExtendedCamelContext context) {
        String existing = context.getAdditionalSensitiveKeywords();
        if (existing == null || existing.isBlank()) {
            context.setAdditionalSensitiveKeywords(SENSITIVE_KEYWORD);
        } else if (!existing.toLowerCase(java.util.Locale.ROOT).contains(SENSITIVE_KEYWORD.toLowerCase(java.util.Locale.ROOT))) {
            context.setAdditionalSensitiveKeywords(existing + "," + SENSITIVE_KEYWORD);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SegmentOperation operation = SegmentOperation.fromName(remaining);
        SegmentConfiguration endpointConfiguration = configuration.copy();
        SegmentEndpoint endpoint = new SegmentEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpointConfiguration.validate(operation);
        endpoint.validateExpressions();
        return endpoint;
    }

    public SegmentConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(SegmentConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The JSON mapper every endpoint uses (thread-safe). */
    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the global SSLContextParameters of the Camel context for endpoints that set none of their own. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /**
     * The pooled HTTP client for an endpoint's HTTP settings (pool, timeout, proxy, TLS, configurer): endpoints with
     * equal settings share one, usually one for the whole component.
     */
    SegmentHttpClient httpClient(SegmentConfiguration config) {
        return httpClients.computeIfAbsent(HttpClientSettings.of(config),
                settings -> new SegmentHttpClient(settings, sslContext(settings)));
    }

    private SSLContext sslContext(HttpClientSettings settings) {
        if (settings.sslContextParameters() == null) {
            return null;
        }
        try {
            return settings.sslContextParameters().createSSLContext(getCamelContext());
        } catch (GeneralSecurityException | IOException e) {
            throw new RuntimeCamelException("sslContextParameters could not create a TLS context: " + e.getMessage(), e);
        }
    }

    /** The buffered senders, one per distinct delivery settings, shared by endpoints with equal settings. */
    public TrackingBatcherRegistry getBatchers() {
        return batchers;
    }

    @Override
    protected void doStop() throws Exception {
        // Senders still held flush first (within shutdownTimeout): they need the HTTP clients.
        batchers.stopAll();
        httpClients.values().forEach(SegmentHttpClient::close);
        httpClients.clear();
        super.doStop();
    }
}
