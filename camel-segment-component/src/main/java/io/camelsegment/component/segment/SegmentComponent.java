package io.camelsegment.component.segment;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.http.HttpClientSettings;
import io.camelsegment.component.segment.http.RequestTimer;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.json.SegmentJson;
import io.camelsegment.component.segment.management.SenderMBeans;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryMonitors;
import io.camelsegment.component.segment.monitor.SenderKey;
import io.camelsegment.component.segment.monitor.SenderKind;
import io.camelsegment.component.segment.tracking.buffer.BatchingSettings;
import io.camelsegment.component.segment.tracking.buffer.TrackingBatcherRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code segment:} component. Holds the default {@link SegmentConfiguration} and what endpoints share: the pooled
 * HTTP client(s), the buffered senders ({@code batching=true}), the monitors of all senders (JMX, dev console, health)
 * and the JSON mapper.
 */
@Component("segment")
public class SegmentComponent extends HealthCheckComponent implements SSLContextParametersAware {

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

    /** The connection pools this component owns, one per distinct {@link HttpClientSettings}; closed at stop. */
    private final Map<HttpClientSettings, SegmentHttpClient> httpClients = new ConcurrentHashMap<>();
    /**
     * Ends the attempts of every client that outlast connectTimeout + responseTimeout, and the buffered senders'
     * requests at their batch's deadline; made with the first client.
     */
    private ScheduledExecutorService requestTimeouts;
    private RequestTimer requestTimer;
    private final DeliveryMonitors monitors = new DeliveryMonitors();
    private final TrackingBatcherRegistry batchers = new TrackingBatcherRegistry(
            settings -> monitors.monitor(bufferedSenderKey(settings)));
    private ShutdownClock shutdownClock;
    private final ObjectMapper objectMapper = SegmentJson.newMapper();

    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long requests to Segment may keep failing (no request accepted since the first "
                            + "failure) before the producer health check reports DOWN")
    private long healthCheckFailureThreshold = 60000L;

    @Metadata(label = "health", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long a buffered sender's buffer may stay full before the producer health check "
                            + "reports DOWN")
    private long healthCheckBufferFullThreshold = 30000L;

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
        OptionText.check(parameters);
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
        RequestTimer timer = requestTimer();
        return httpClients.computeIfAbsent(HttpClientSettings.of(config),
                settings -> new SegmentHttpClient(settings, sslContext(settings), timer));
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

    /** The monitors of every sender (direct, buffered, Public API) this component created. */
    public DeliveryMonitors getDeliveryMonitors() {
        return monitors;
    }

    /** The monitor of the sender an endpoint with this configuration delivers through (created on first use). */
    DeliveryMonitor deliveryMonitor(SegmentConfiguration config, SegmentOperation operation) {
        return monitors.monitor(senderKey(config, operation));
    }

    /** The monitor of that sender, or null when no producer has used it yet. */
    DeliveryMonitor findDeliveryMonitor(SegmentConfiguration config, SegmentOperation operation) {
        return monitors.find(senderKey(config, operation));
    }

    /**
     * The monitor of the direct Tracking API sender for this configuration: single-event calls and {@code segment:batch}
     * requests of a {@code batching=false} endpoint (a {@code batching=true} endpoint's go to its buffered sender).
     */
    DeliveryMonitor directTrackingMonitor(SegmentConfiguration config) {
        return monitors.monitor(directTrackingKey(config));
    }

    private static SenderKey senderKey(SegmentConfiguration config, SegmentOperation operation) {
        if (!operation.isTracking()) {
            return new SenderKey(SenderKind.PUBLIC_API, config.resolvePublicApiUrl(), null, config.getAccessToken(),
                    null);
        }
        return config.isBatching() ? bufferedSenderKey(BatchingSettings.of(config)) : directTrackingKey(config);
    }

    private static SenderKey directTrackingKey(SegmentConfiguration config) {
        return new SenderKey(SenderKind.TRACKING_DIRECT, config.resolveTrackingUrl(), null, config.getWriteKey(), null);
    }

    private static SenderKey bufferedSenderKey(BatchingSettings settings) {
        return new SenderKey(SenderKind.TRACKING_BUFFERED, settings.trackingUrl(), settings.deliveryMode().name(),
                settings.writeKey(), settings);
    }

    public long getHealthCheckFailureThreshold() {
        return healthCheckFailureThreshold;
    }

    /**
     * How long requests to Segment may keep failing (no request accepted since the first failure) before the producer
     * health check reports DOWN.
     */
    public void setHealthCheckFailureThreshold(long healthCheckFailureThreshold) {
        this.healthCheckFailureThreshold = healthCheckFailureThreshold;
    }

    public long getHealthCheckBufferFullThreshold() {
        return healthCheckBufferFullThreshold;
    }

    /** How long a buffered sender's buffer may stay full before the producer health check reports DOWN. */
    public void setHealthCheckBufferFullThreshold(long healthCheckBufferFullThreshold) {
        this.healthCheckBufferFullThreshold = healthCheckBufferFullThreshold;
    }

    private synchronized RequestTimer requestTimer() {
        if (requestTimer == null) {
            requestTimeouts = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "SegmentRequestTimeout");
            requestTimer = new RequestTimer(requestTimeouts);
        }
        return requestTimer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        monitors.setListener(SenderMBeans.forContext(getCamelContext()));
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
        synchronized (this) {
            if (requestTimeouts != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(requestTimeouts);
                requestTimeouts = null;
                requestTimer = null;
            }
        }
        monitors.clear();
        super.doStop();
    }
}
