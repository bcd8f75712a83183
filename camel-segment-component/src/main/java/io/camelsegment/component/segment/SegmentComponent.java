package io.camelsegment.component.segment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camelsegment.component.segment.http.HttpClientSettings;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.tracking.buffer.TrackingBatcherRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code segment:} component. Holds the default {@link SegmentConfiguration} and what endpoints share: the pooled
 * HTTP client(s), the buffered senders ({@code batching=true}) and the JSON mapper.
 */
@Component("segment")
public class SegmentComponent extends DefaultComponent {

    private static final String SENSITIVE_KEYWORD = "writeKey";

    static {
        // secret = true only feeds tooling; Camel's runtime URI masking needs the keyword too.
        URISupport.addSanitizeKeywords(SENSITIVE_KEYWORD);
    }

    @Metadata(description = "The shared configuration: every endpoint starts from a copy of it")
    private SegmentConfiguration configuration = new SegmentConfiguration();

    /** The connection pools this component owns, one per distinct {@link HttpClientSettings}; closed at stop. */
    private final Map<HttpClientSettings, SegmentHttpClient> httpClients = new ConcurrentHashMap<>();
    /** The buffered senders this component owns (batching=true), each held by the producers that feed it. */
    private final TrackingBatcherRegistry batchers = new TrackingBatcherRegistry();
    private ShutdownClock shutdownClock;
    private final ObjectMapper objectMapper = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
        endpoint.validateConfiguration();
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

    /**
     * The pooled HTTP client for these connection settings: usually one for the whole component; endpoints that ask
     * for other settings (maxConnections, connectTimeout) get a pool of their own rather than silently sharing one
     * built with the first endpoint's settings.
     */
    SegmentHttpClient httpClient(SegmentConfiguration config) {
        return httpClients.computeIfAbsent(HttpClientSettings.of(config), SegmentHttpClient::new);
    }

    /** The buffered senders, one per distinct delivery settings, shared by endpoints with equal settings. */
    public TrackingBatcherRegistry getBatchers() {
        return batchers;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        shutdownClock = new ShutdownClock();
        getCamelContext().getManagementStrategy().addEventNotifier(shutdownClock);
        ServiceHelper.startService(shutdownClock);
    }

    /**
     * Tells the buffered senders when the context begins to stop: Camel's graceful shutdown timeout runs from then,
     * and a sender's stop, which comes after the routes' in-flight exchanges were waited for, keeps within it.
     */
    private final class ShutdownClock extends EventNotifierSupport {

        ShutdownClock() {
            setIgnoreCamelContextEvents(false);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextStoppingEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            batchers.shutdownBegan();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (shutdownClock != null) {
            getCamelContext().getManagementStrategy().removeEventNotifier(shutdownClock);
            ServiceHelper.stopService(shutdownClock);
            shutdownClock = null;
        }
        // Senders still held flush first (within shutdownTimeout): they need the HTTP clients.
        batchers.stopAll();
        httpClients.values().forEach(SegmentHttpClient::close);
        httpClients.clear();
        super.doStop();
    }
}
