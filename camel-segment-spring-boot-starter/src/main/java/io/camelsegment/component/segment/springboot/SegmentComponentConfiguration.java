package io.camelsegment.component.segment.springboot;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentDeliveryMode;
import io.camelsegment.component.segment.SegmentGranularity;
import io.camelsegment.component.segment.SegmentOverflowPolicy;
import io.camelsegment.component.segment.SegmentRegion;
import io.camelsegment.component.segment.http.SegmentHttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.segment.*}: one property per option of the segment component (the component-level options of
 * its segment.json), applied to the component by {@link SegmentComponentAutoConfiguration}. Endpoints start from a
 * copy of these values and override them with their URI options.
 * <p>
 * The fields have no initial values: an unset property is null and leaves the component's own value (its default,
 * or what a {@code SegmentComponent} bean of the application set) alone. The defaults IDEs show come from
 * {@code META-INF/additional-spring-configuration-metadata.json}.
 * <p>
 * {@code enabled} and {@code customizer.enabled} (inherited) switch the auto-configuration off, as for every Camel
 * starter; they are not component options (updateSource's Source switch is {@code source-enabled}). Unknown keys
 * under the prefix fail the start ({@code ignoreUnknownFields = false}) rather than being ignored.
 */
@ConfigurationProperties(prefix = SegmentComponentConfiguration.PREFIX, ignoreUnknownFields = false)
public class SegmentComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.segment";

    /**
     * The shared configuration: every endpoint starts from a copy of it
     */
    private SegmentConfiguration configuration;

    /**
     * The region of the workspace: US (api.segment.io, api.segmentapis.com) or EU (events.eu1.segmentapis.com,
     * eu1.api.segmentapis.com).
     */
    private SegmentRegion region;

    /**
     * Default anonymousId for Tracking API messages that have none.
     */
    private String anonymousId;

    /**
     * page: default page category.
     */
    private String category;

    /**
     * Public API: the Destination id.
     */
    private String destinationId;

    /**
     * listDeliveryMetricsSummaryFromDestination: end time, ISO-8601.
     */
    private String endTime;

    /**
     * Default event name for track messages that have none.
     */
    private String event;

    /**
     * List operations: follow the next cursor through every page and return the combined list.
     */
    private Boolean fetchAllPages;

    /**
     * listDeliveryMetricsSummaryFromDestination: DAY, HOUR or MINUTE.
     */
    private SegmentGranularity granularity;

    /**
     * group: default groupId.
     */
    private String groupId;

    /**
     * addLabelsToSource: labels as key:value pairs separated by commas (the body or the CamelSegmentLabels header may
     * give a list instead).
     */
    private String labels;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * page/screen: default page or screen name. Not read by updateSource (see source-name).
     */
    private String name;

    /**
     * List operations: page size (pagination.count), 1 to 1000; 200 when not set.
     */
    private Integer paginationCount;

    /**
     * List operations: the cursor of the page to fetch (pagination.cursor).
     */
    private String paginationCursor;

    /**
     * getDailyPerSourceApiCallsUsage: start of the usage period, ISO-8601 date (e.g. 2021-02-01).
     */
    private String period;

    /**
     * alias: default previousId.
     */
    private String previousId;

    /**
     * Public API: the type of the result body: map (java.util.Map) or jsonNode (Jackson JsonNode). One of: map,
     * jsonNode.
     */
    private String responseType;

    /**
     * updateSource: the new slug.
     */
    private String slug;

    /**
     * Public API: the Source id.
     */
    private String sourceId;

    /**
     * listDeliveryMetricsSummaryFromDestination: start time, ISO-8601.
     */
    private String startTime;

    /**
     * When false, failures do not throw: the body becomes the envelope {successful, data, error} (for agents and
     * tooling); successes are wrapped the same way.
     */
    private Boolean throwExceptionOnFailure;

    /**
     * Default userId for Tracking API messages that have none.
     */
    private String userId;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * How long to wait for a connection to Segment. A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration connectTimeout;

    /**
     * Maximum number of pooled HTTP connections to Segment.
     */
    private Integer maxConnections;

    /**
     * Overrides the Public API base URL, e.g. for a proxy or a test server.
     */
    private String publicApiUrl;

    /**
     * How long to wait for Segment's response to a request: each read, and the whole attempt, which ends at the latest
     * connectTimeout + responseTimeout after it began (a wait for a pooled connection included). A duration: 5000
     * (milliseconds), 5s, 2m or PT5S.
     */
    private Duration responseTimeout;

    /**
     * Overrides the Tracking API base URL (including /v1), e.g. for a proxy or a test server.
     */
    private String trackingUrl;

    /**
     * Buffer single-event operations (identify, track, page, screen, group, alias) and send them to /v1/batch by
     * count, bytes and time, over several connections.
     */
    private Boolean batching;

    /**
     * Maximum number of events in one /v1/batch request (Segment's limit is 2500).
     */
    private Integer batchSize;

    /**
     * With batching and deliveryMode=acknowledged: when the route feeds the sender one exchange at a time and the
     * sender is idle, the event is sent on the calling thread, as direct sending would. Set it to false when the
     * calling thread must never wait on I/O, such as a Vert.x or Netty event loop.
     */
    private Boolean callerRunsWhenIdle;

    /**
     * With batching: the most bytes of encoded events the buffer holds (like Kafka's buffer.memory).
     */
    private Long bufferMaxBytes;

    /**
     * With batching: the most events the buffer holds (queued and in flight).
     */
    private Integer bufferMaxEvents;

    /**
     * With batching: acknowledged completes each exchange when Segment accepted its batch (at-least-once);
     * fireAndForget completes it once queued.
     */
    private SegmentDeliveryMode deliveryMode;

    /**
     * With batching: how long an event may wait for its batch to fill before the batch is sent anyway (like Kafka's
     * linger.ms). A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration flushInterval;

    /**
     * Maximum size in bytes of one /v1/batch request as sent (Segment's limit is 500 KB).
     */
    private Integer maxBatchBytes;

    /**
     * With overflowPolicy=block: how long a sender waits for room in the buffer before its exchange fails (like
     * Kafka's max.block.ms). A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration maxBlockTime;

    /**
     * With batching: how many batch requests may be in flight at once (one sender thread each, each on a pooled
     * connection; keep it at most maxConnections).
     */
    private Integer maxInFlightRequests;

    /**
     * With batching, when the buffer is full: block (wait up to maxBlockTime, then fail the exchange), fail (at once),
     * or dropNewest (drop the new event, count and log it, complete the exchange: loses data by choice).
     */
    private SegmentOverflowPolicy overflowPolicy;

    /**
     * With batching: how long stopping the route or context waits for buffered events to be delivered; events still
     * undelivered then fail their exchange (acknowledged) or are logged with their count and messageIds
     * (fireAndForget). A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration shutdownTimeout;

    /**
     * How long a buffered sender's buffer may stay full before the producer health check reports DOWN. A duration:
     * 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration healthCheckBufferFullThreshold;

    /**
     * Used for enabling or disabling all consumer based health checks from this component (segment has no consumers).
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * How long requests to Segment may keep failing (no request accepted since the first failure) before the producer
     * health check reports DOWN. A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration healthCheckFailureThreshold;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Camel has producer health
     * checks off by default: camel.health.producers-enabled=true turns them on.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * How many times a request is retried on I/O errors and retryable statuses (408, 410, 429, 460, 5xx except
     * 501/505/511). 0 disables retries.
     */
    private Integer maxRetries;

    /**
     * Longest wait honoured when Segment sends Retry-After. A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration maxRetryAfter;

    /**
     * Longest time in all that one request waits as Segment asks (Retry-After, or the Public API's msBeforeNext) before
     * it fails. Such waits do not count against maxRetries, as in Segment's own libraries (default 12 hours, theirs).
     * Buffered delivery also ends at deliveryTimeout. A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration maxRateLimitDuration;

    /**
     * Backoff before the first retry; doubled on each further retry (with jitter), up to retryBackoffMax. In
     * milliseconds.
     */
    private Duration retryBackoffBase;

    /**
     * Longest backoff between two retries. A duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration retryBackoffMax;

    /**
     * Public API: the workspace access token, sent as Authorization: Bearer. A secret: give it as a placeholder or
     * environment variable, never in a committed file.
     */
    private String accessToken;

    /**
     * Tracking API: the Source write key (sent as HTTP Basic auth). A credential only: removeSourceWriteKey never reads
     * it (see write-key-to-remove). A secret: give it as a placeholder or environment variable, never in a committed
     * file.
     */
    private String writeKey;

    /**
     * Tracking API: a Simple expression giving a key of the source record (e.g. ${header.JMSMessageID});
     * derived messageIds then come from it, the operation and the item's index instead of the exchange, so a source's
     * redelivery of the record gets the same messageId and Segment drops the duplicate. The key must differ between
     * records.
     */
    private String messageIdKey;

    /**
     * Tracking API: a Simple expression giving the time of the source record (epoch millis, Date, Instant or
     * ISO-8601 text), used as the timestamp of messages that have none.
     */
    private String sourceTimestamp;

    /**
     * With batching=true and deliveryMode=acknowledged: the thread pool on which an exchange continues its route once
     * Segment accepted its event (like camel-kafka's workerPool), so that the next steps never run on, or hold up, a
     * sender thread. By default each producer creates a pool of 10 threads, managed by Camel. The option is a
     * java.util.concurrent.ExecutorService type.
     */
    private ExecutorService workerPool;

    /**
     * With batching: the longest time from accepting an event to settling it, covering the linger, every attempt and
     * every retry wait (also Retry-After), like Kafka's delivery.timeout.ms. When it passes, the exchange fails with
     * SegmentDeliveryTimeoutException (acknowledged) or the event is counted and logged as failed (fireAndForget). A
     * duration: 5000 (milliseconds), 5s, 2m or PT5S.
     */
    private Duration deliveryTimeout;

    /**
     * updateSource: the new Source name (sent as name). The name property is the page/screen name and is not
     * read by updateSource.
     */
    private String sourceName;

    /**
     * updateSource: whether the Source may send data (sent as the body's enabled field; unset, the default, sends
     * none and leaves the Source as it is).
     */
    private Boolean sourceEnabled;

    /**
     * removeSourceWriteKey: the write key to remove from the Source. Never taken from write-key, which is the
     * route's own tracking credential. A secret: give it as a placeholder or environment variable.
     */
    private String writeKeyToRemove;

    /**
     * HTTP proxy host for every request to Segment (plain HTTP targets are forwarded, HTTPS targets tunnelled
     * with CONNECT). Without it, the JVM's proxy system properties apply.
     */
    private String proxyHost;

    /**
     * HTTP proxy port; required with proxy-host.
     */
    private Integer proxyPort;

    /**
     * User name for proxy authentication (Basic, sent when the proxy answers 407).
     */
    private String proxyUsername;

    /**
     * Password for proxy authentication; never logged or shown. A secret: give it as a placeholder or environment
     * variable.
     */
    private String proxyPassword;

    /**
     * Hosts reached directly, not through proxy-host: patterns separated by | (as the JVM's http.nonProxyHosts),
     * each a host name or address with an optional * at its start or end.
     */
    private String nonProxyHosts;

    /**
     * TLS settings (trust store, key store, protocols) for connections to Segment, as Camel's
     * SSLContextParameters; the JVM's default trust when not set. A bean reference: #bean:name (or #name). The option
     * is a org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the global SSLContextParameters of the Camel context for endpoints that set no ssl-context-parameters
     * of their own.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * A hook that adjusts the Apache HttpClient 5 client and connection pool the component builds. A bean
     * reference: #bean:name (or #name); autowired when the context holds exactly one. The option is a
     * io.camelsegment.component.segment.http.SegmentHttpClientConfigurer type.
     */
    private SegmentHttpClientConfigurer httpClientConfigurer;

    public SegmentConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SegmentConfiguration configuration) {
        this.configuration = configuration;
    }

    public SegmentRegion getRegion() {
        return region;
    }

    public void setRegion(SegmentRegion region) {
        this.region = region;
    }

    public String getAnonymousId() {
        return anonymousId;
    }

    public void setAnonymousId(String anonymousId) {
        this.anonymousId = anonymousId;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public Boolean getFetchAllPages() {
        return fetchAllPages;
    }

    public void setFetchAllPages(Boolean fetchAllPages) {
        this.fetchAllPages = fetchAllPages;
    }

    public SegmentGranularity getGranularity() {
        return granularity;
    }

    public void setGranularity(SegmentGranularity granularity) {
        this.granularity = granularity;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPaginationCount() {
        return paginationCount;
    }

    public void setPaginationCount(Integer paginationCount) {
        this.paginationCount = paginationCount;
    }

    public String getPaginationCursor() {
        return paginationCursor;
    }

    public void setPaginationCursor(String paginationCursor) {
        this.paginationCursor = paginationCursor;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getPreviousId() {
        return previousId;
    }

    public void setPreviousId(String previousId) {
        this.previousId = previousId;
    }

    public String getResponseType() {
        return responseType;
    }

    public void setResponseType(String responseType) {
        this.responseType = responseType;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public Boolean getThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(Boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getPublicApiUrl() {
        return publicApiUrl;
    }

    public void setPublicApiUrl(String publicApiUrl) {
        this.publicApiUrl = publicApiUrl;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    public void setTrackingUrl(String trackingUrl) {
        this.trackingUrl = trackingUrl;
    }

    public Boolean getBatching() {
        return batching;
    }

    public void setBatching(Boolean batching) {
        this.batching = batching;
    }

    public Boolean getCallerRunsWhenIdle() {
        return callerRunsWhenIdle;
    }

    public void setCallerRunsWhenIdle(Boolean callerRunsWhenIdle) {
        this.callerRunsWhenIdle = callerRunsWhenIdle;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Long getBufferMaxBytes() {
        return bufferMaxBytes;
    }

    public void setBufferMaxBytes(Long bufferMaxBytes) {
        this.bufferMaxBytes = bufferMaxBytes;
    }

    public Integer getBufferMaxEvents() {
        return bufferMaxEvents;
    }

    public void setBufferMaxEvents(Integer bufferMaxEvents) {
        this.bufferMaxEvents = bufferMaxEvents;
    }

    public SegmentDeliveryMode getDeliveryMode() {
        return deliveryMode;
    }

    public void setDeliveryMode(SegmentDeliveryMode deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public Integer getMaxBatchBytes() {
        return maxBatchBytes;
    }

    public void setMaxBatchBytes(Integer maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    public Duration getMaxBlockTime() {
        return maxBlockTime;
    }

    public void setMaxBlockTime(Duration maxBlockTime) {
        this.maxBlockTime = maxBlockTime;
    }

    public Integer getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(Integer maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public SegmentOverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    public void setOverflowPolicy(SegmentOverflowPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getMaxRateLimitDuration() {
        return maxRateLimitDuration;
    }

    public void setMaxRateLimitDuration(Duration maxRateLimitDuration) {
        this.maxRateLimitDuration = maxRateLimitDuration;
    }

    public Duration getRetryBackoffBase() {
        return retryBackoffBase;
    }

    public void setRetryBackoffBase(Duration retryBackoffBase) {
        this.retryBackoffBase = retryBackoffBase;
    }

    public Duration getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(Duration retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getWriteKey() {
        return writeKey;
    }

    public void setWriteKey(String writeKey) {
        this.writeKey = writeKey;
    }

    public Duration getHealthCheckBufferFullThreshold() {
        return healthCheckBufferFullThreshold;
    }

    public void setHealthCheckBufferFullThreshold(Duration healthCheckBufferFullThreshold) {
        this.healthCheckBufferFullThreshold = healthCheckBufferFullThreshold;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Duration getHealthCheckFailureThreshold() {
        return healthCheckFailureThreshold;
    }

    public void setHealthCheckFailureThreshold(Duration healthCheckFailureThreshold) {
        this.healthCheckFailureThreshold = healthCheckFailureThreshold;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getMessageIdKey() {
        return messageIdKey;
    }

    public void setMessageIdKey(String messageIdKey) {
        this.messageIdKey = messageIdKey;
    }

    public String getSourceTimestamp() {
        return sourceTimestamp;
    }

    public void setSourceTimestamp(String sourceTimestamp) {
        this.sourceTimestamp = sourceTimestamp;
    }

    public String getSourceName() {
        return sourceName;
    }

    public void setSourceName(String sourceName) {
        this.sourceName = sourceName;
    }

    public Boolean getSourceEnabled() {
        return sourceEnabled;
    }

    public void setSourceEnabled(Boolean sourceEnabled) {
        this.sourceEnabled = sourceEnabled;
    }

    public String getWriteKeyToRemove() {
        return writeKeyToRemove;
    }

    public void setWriteKeyToRemove(String writeKeyToRemove) {
        this.writeKeyToRemove = writeKeyToRemove;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public SegmentHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(SegmentHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }
}
