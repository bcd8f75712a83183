package io.camelsegment.component.segment;

import java.util.concurrent.ExecutorService;

import io.camelsegment.component.segment.http.SegmentHttpClientConfigurer;
import io.camelsegment.component.segment.http.HttpClientSettings;
import io.camelsegment.component.segment.http.SecretMasker;
import io.camelsegment.component.segment.tracking.SentAt;
import io.camelsegment.component.segment.tracking.TrackingMessageValidator;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of the {@code segment:} component. The component holds one instance (set through
 * {@code camel.component.segment.*}); each endpoint works on a {@link #copy()} that its URI options override.
 * Shared heavy objects (HTTP client, batchers) never live here.
 */
@UriParams
public class SegmentConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true)
    private String writeKey;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "common", defaultValue = "US")
    private SegmentRegion region = SegmentRegion.US;
    @UriParam(label = "advanced")
    private String trackingUrl;
    @UriParam(label = "advanced")
    private String publicApiUrl;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10000L;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long responseTimeout = 30000L;
    @UriParam(label = "advanced", defaultValue = "32")
    private int maxConnections = 32;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;
    @UriParam(label = "proxy")
    private String nonProxyHosts;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SegmentHttpClientConfigurer httpClientConfigurer;
    @UriParam(label = "retry", defaultValue = "10")
    private int maxRetries = 10;
    @UriParam(label = "retry", defaultValue = "500", javaType = "java.time.Duration")
    private long retryBackoffBase = 500L;
    @UriParam(label = "retry", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryBackoffMax = 60000L;
    @UriParam(label = "retry", defaultValue = "300000", javaType = "java.time.Duration")
    private long maxRetryAfter = 300000L;
    @UriParam(label = "retry", defaultValue = "43200000", javaType = "java.time.Duration")
    private long maxRateLimitDuration = 43200000L;
    @UriParam(label = "producer")
    private String messageIdKey;
    @UriParam(label = "producer")
    private String sourceTimestamp;
    @UriParam(label = "producer")
    private String userId;
    @UriParam(label = "producer")
    private String anonymousId;
    @UriParam(label = "producer")
    private String event;
    @UriParam(label = "producer")
    private String name;
    @UriParam(label = "producer")
    private String category;
    @UriParam(label = "producer")
    private String groupId;
    @UriParam(label = "producer")
    private String previousId;
    @UriParam(label = "producer,batching", defaultValue = "false")
    private boolean batching = false;
    @UriParam(label = "producer,batching", defaultValue = "acknowledged")
    private SegmentDeliveryMode deliveryMode = SegmentDeliveryMode.acknowledged;
    @UriParam(label = "producer,batching", defaultValue = "2500")
    private int batchSize = 2500;
    @UriParam(label = "producer,batching", defaultValue = "500000")
    private int maxBatchBytes = 500000;
    @UriParam(label = "producer,batching", defaultValue = "0", javaType = "java.time.Duration")
    private long flushInterval;
    @UriParam(label = "producer,batching", defaultValue = "true")
    private boolean callerRunsWhenIdle = true;
    @UriParam(label = "producer,batching", defaultValue = "4")
    private int maxInFlightRequests = 4;
    @UriParam(label = "producer,batching", defaultValue = "100000")
    private int bufferMaxEvents = 100000;
    @UriParam(label = "producer,batching", defaultValue = "33554432")
    private long bufferMaxBytes = 33554432L;
    @UriParam(label = "producer,batching", defaultValue = "block")
    private SegmentOverflowPolicy overflowPolicy = SegmentOverflowPolicy.block;
    @UriParam(label = "producer,batching", defaultValue = "60000", javaType = "java.time.Duration")
    private long maxBlockTime = 60000L;
    @UriParam(label = "producer,batching", defaultValue = "30000", javaType = "java.time.Duration")
    private long shutdownTimeout = 30000L;
    @UriParam(label = "producer,batching", defaultValue = "120000", javaType = "java.time.Duration")
    private long deliveryTimeout = 120000L;
    @UriParam(label = "producer,advanced")
    private ExecutorService workerPool;
    @UriParam(label = "producer")
    private String sourceId;
    @UriParam(label = "producer")
    private String destinationId;
    @UriParam(label = "producer,security", secret = true)
    private String writeKeyToRemove;
    @UriParam(label = "producer")
    private String sourceName;
    @UriParam(label = "producer")
    private String labels;
    @UriParam(label = "producer")
    private String period;
    @UriParam(label = "producer")
    private Integer paginationCount;
    @UriParam(label = "producer")
    private String paginationCursor;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fetchAllPages = false;
    @UriParam(label = "producer")
    private String startTime;
    @UriParam(label = "producer")
    private String endTime;
    @UriParam(label = "producer")
    private SegmentGranularity granularity;
    @UriParam(label = "producer")
    private String slug;
    @UriParam(label = "producer")
    private Boolean sourceEnabled;
    @UriParam(label = "producer", defaultValue = "map", enums = "map,jsonNode")
    private String responseType = "map";
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;

    public String getWriteKey() {
        return writeKey;
    }

    /**
     * Tracking API: the Source write key (sent as HTTP Basic auth). A credential only: removeSourceWriteKey never reads it (see writeKeyToRemove).
     */
    public void setWriteKey(String writeKey) {
        this.writeKey = writeKey;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * Public API: the workspace access token, sent as Authorization: Bearer.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public SegmentRegion getRegion() {
        return region;
    }

    /**
     * The region of the workspace: US (api.segment.io, api.segmentapis.com) or EU (events.eu1.segmentapis.com, eu1.api.segmentapis.com).
     */
    public void setRegion(SegmentRegion region) {
        this.region = region;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    /**
     * Overrides the Tracking API base URL (including /v1), e.g. for a proxy or a test server.
     */
    public void setTrackingUrl(String trackingUrl) {
        this.trackingUrl = trackingUrl;
    }

    public String getPublicApiUrl() {
        return publicApiUrl;
    }

    /**
     * Overrides the Public API base URL, e.g. for a proxy or a test server.
     */
    public void setPublicApiUrl(String publicApiUrl) {
        this.publicApiUrl = publicApiUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to Segment.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long to wait for Segment's response to a request: each read, and the whole attempt, which ends at the latest
     * connectTimeout + responseTimeout after it began (a wait for a pooled connection included).
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Maximum number of pooled HTTP connections to Segment.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host for every request to Segment (plain HTTP targets are forwarded, HTTPS targets tunnelled with CONNECT). Without it, the JVM's proxy system properties (http.proxyHost, https.proxyHost, http.nonProxyHosts) apply.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port; required with proxyHost.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * User name for proxy authentication (Basic, sent when the proxy answers 407).
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * Password for proxy authentication; never logged or shown.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Hosts reached directly, not through proxyHost: patterns separated by | (as the JVM's http.nonProxyHosts), each a host name or address with an optional * at its start or end, e.g. localhost|127.0.0.1|*.internal.example.com.
     */
    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store, protocols) for connections to Segment, as Camel's SSLContextParameters; the JVM's default trust when not set. Hostname verification is always on.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SegmentHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * A hook that adjusts the Apache HttpClient 5 client and connection pool the component builds (interceptors, metrics, DNS resolver, custom TLS). Autowired when the registry holds exactly one SegmentHttpClientConfigurer.
     */
    public void setHttpClientConfigurer(SegmentHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a request is retried on I/O errors and retryable statuses (408, 410, 429, 460, 5xx except 501/505/511). 0 disables retries.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoffBase() {
        return retryBackoffBase;
    }

    /**
     * Backoff before the first retry; doubled on each further retry (with jitter), up to retryBackoffMax.
     */
    public void setRetryBackoffBase(long retryBackoffBase) {
        this.retryBackoffBase = retryBackoffBase;
    }

    public long getRetryBackoffMax() {
        return retryBackoffMax;
    }

    /**
     * Longest backoff between two retries.
     */
    public void setRetryBackoffMax(long retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Longest wait honoured when Segment sends Retry-After.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getMaxRateLimitDuration() {
        return maxRateLimitDuration;
    }

    /**
     * Longest time in all that one request waits as Segment asks (Retry-After, or the Public API's msBeforeNext) before
     * it fails. Such waits do not count against maxRetries, as in Segment's own libraries (default 12 hours, theirs).
     * Buffered delivery also ends at deliveryTimeout.
     */
    public void setMaxRateLimitDuration(long maxRateLimitDuration) {
        this.maxRateLimitDuration = maxRateLimitDuration;
    }

    public String getMessageIdKey() {
        return messageIdKey;
    }

    /**
     * Tracking API: a Simple expression giving a key of the source record (e.g. ${header.JMSMessageID}); derived messageIds then come from it, the operation and the item's index instead of the exchange, so a source's redelivery of the record gets the same messageId and Segment drops the duplicate. The key must differ between records.
     */
    public void setMessageIdKey(String messageIdKey) {
        this.messageIdKey = messageIdKey;
    }

    public String getSourceTimestamp() {
        return sourceTimestamp;
    }

    /**
     * Tracking API: a Simple expression giving the time of the source record (epoch millis, Date, Instant or ISO-8601 text), used as the timestamp of messages that have none. Without it, with messageIdKey set, the kafka.TIMESTAMP, JMSTimestamp or CamelFileLastModified header is used when present; otherwise the time the exchange was created.
     */
    public void setSourceTimestamp(String sourceTimestamp) {
        this.sourceTimestamp = sourceTimestamp;
    }

    public String getUserId() {
        return userId;
    }

    /**
     * Default userId for Tracking API messages that have none.
     */
    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getAnonymousId() {
        return anonymousId;
    }

    /**
     * Default anonymousId for Tracking API messages that have none.
     */
    public void setAnonymousId(String anonymousId) {
        this.anonymousId = anonymousId;
    }

    public String getEvent() {
        return event;
    }

    /**
     * Default event name for track messages that have none.
     */
    public void setEvent(String event) {
        this.event = event;
    }

    public String getName() {
        return name;
    }

    /**
     * page/screen: default page or screen name. Not read by updateSource (see sourceName).
     */
    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    /**
     * page: default page category.
     */
    public void setCategory(String category) {
        this.category = category;
    }

    public String getGroupId() {
        return groupId;
    }

    /**
     * group: default groupId.
     */
    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getPreviousId() {
        return previousId;
    }

    /**
     * alias: default previousId.
     */
    public void setPreviousId(String previousId) {
        this.previousId = previousId;
    }

    public boolean isBatching() {
        return batching;
    }

    /**
     * Buffer single-event operations (identify, track, page, screen, group, alias) and send them in shared /v1/batch requests, several in flight; a batch leaves as soon as a sender is free and none of its requests is on the wire, and grows while one is. On segment:batch, the items of successive collections share those batches (each exchange completes when all its items are settled).
     */
    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public SegmentDeliveryMode getDeliveryMode() {
        return deliveryMode;
    }

    /**
     * With batching: acknowledged completes each exchange when Segment accepted its batch (at-least-once); fireAndForget completes it once queued.
     */
    public void setDeliveryMode(SegmentDeliveryMode deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Maximum number of events in one /v1/batch request (Segment's limit is 2500).
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxBatchBytes() {
        return maxBatchBytes;
    }

    /**
     * Maximum size in bytes of one /v1/batch request as sent (Segment's limit is 500 KB).
     */
    public void setMaxBatchBytes(int maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    public boolean isCallerRunsWhenIdle() {
        return callerRunsWhenIdle;
    }

    /**
     * With batching and deliveryMode=acknowledged: when the route feeds the sender one exchange at a time and the sender is idle, the event is sent on the calling thread, as direct sending would, instead of being handed to a sender thread and back (a thread that waits for each exchange gets close to direct sending's speed); an asynchronous caller is recognised and never held up this way for more than a few events. Set it to false when the calling thread must never wait on I/O, such as a Vert.x or Netty event loop.
     */
    public void setCallerRunsWhenIdle(boolean callerRunsWhenIdle) {
        this.callerRunsWhenIdle = callerRunsWhenIdle;
    }

    public long getFlushInterval() {
        return flushInterval;
    }

    /**
     * With batching: the linger, how long a batch waits for more events before it is sent even though a sender is free (like Kafka's linger.ms). 0 (the default) sends as soon as a sender is free and no request is on the wire; batches still fill while one is (a full batch goes to any free sender), and a batch that one thread keeps adding to (a caller that does not wait for its events) waits while events keep coming, up to 5 ms. A linger makes fuller batches (fewer requests) at the cost of that much latency per event.
     */
    public void setFlushInterval(long flushInterval) {
        this.flushInterval = flushInterval;
    }

    public int getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    /**
     * With batching: how many batch requests may be in flight at once (one sender thread each, each on a pooled connection; keep it at most maxConnections).
     */
    public void setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public int getBufferMaxEvents() {
        return bufferMaxEvents;
    }

    /**
     * With batching: the most events the buffer holds (queued and in flight).
     */
    public void setBufferMaxEvents(int bufferMaxEvents) {
        this.bufferMaxEvents = bufferMaxEvents;
    }

    public long getBufferMaxBytes() {
        return bufferMaxBytes;
    }

    /**
     * With batching: the most bytes of encoded events the buffer holds (like Kafka's buffer.memory).
     */
    public void setBufferMaxBytes(long bufferMaxBytes) {
        this.bufferMaxBytes = bufferMaxBytes;
    }

    public SegmentOverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    /**
     * With batching, when the buffer is full: block (wait up to maxBlockTime, then fail the exchange), fail (at once), or dropNewest (drop the new event, count and log it, complete the exchange: loses data by choice).
     */
    public void setOverflowPolicy(SegmentOverflowPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    public long getMaxBlockTime() {
        return maxBlockTime;
    }

    /**
     * With overflowPolicy=block: how long a sender waits for room in the buffer before its exchange fails (like Kafka's max.block.ms).
     */
    public void setMaxBlockTime(long maxBlockTime) {
        this.maxBlockTime = maxBlockTime;
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * With batching: how long stopping the route or context waits for buffered events to be delivered, at most 3/4 of Camel's shutdown timeout from when the context began to stop; events not on the wire then fail their exchange with SegmentDeliveryTimeoutException (acknowledged) or are logged with their count and messageIds (fireAndForget).
     */
    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public long getDeliveryTimeout() {
        return deliveryTimeout;
    }

    /**
     * With batching: the longest time from accepting an event to settling it, covering the linger, every attempt and every retry wait (also Retry-After), like Kafka's delivery.timeout.ms. When it passes, the exchange fails with SegmentDeliveryTimeoutException (acknowledged) or the event is counted and logged as failed (fireAndForget).
     */
    public void setDeliveryTimeout(long deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    /**
     * With batching=true and deliveryMode=acknowledged: the thread pool on which an exchange continues its route once Segment accepted its event (like camel-kafka's workerPool), so that the next steps never run on, or hold up, a sender thread. By default each producer creates a pool of 10 threads, managed by Camel.
     */
    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public String getSourceId() {
        return sourceId;
    }

    /**
     * Public API: the Source id.
     */
    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getDestinationId() {
        return destinationId;
    }

    /**
     * Public API: the Destination id.
     */
    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getWriteKeyToRemove() {
        return writeKeyToRemove;
    }

    /**
     * removeSourceWriteKey: the write key to remove from the Source (required: this option, the CamelSegmentWriteKeyToRemove header or a writeKeyToRemove field of the JSON body). Never taken from writeKey, which is the route's own tracking credential.
     */
    public void setWriteKeyToRemove(String writeKeyToRemove) {
        this.writeKeyToRemove = writeKeyToRemove;
    }

    public String getSourceName() {
        return sourceName;
    }

    /**
     * updateSource: the new Source name (sent as name). The name option is the page/screen name and is not read by updateSource.
     */
    public void setSourceName(String sourceName) {
        this.sourceName = sourceName;
    }

    public String getLabels() {
        return labels;
    }

    /**
     * addLabelsToSource: labels as key:value pairs separated by commas (the body or the CamelSegmentLabels header may give a list instead).
     */
    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getPeriod() {
        return period;
    }

    /**
     * getDailyPerSourceApiCallsUsage: start of the usage period, ISO-8601 date (e.g. 2021-02-01).
     */
    public void setPeriod(String period) {
        this.period = period;
    }

    public Integer getPaginationCount() {
        return paginationCount;
    }

    /**
     * List operations: page size (pagination.count), 1 to 1000; 200 when not set.
     */
    public void setPaginationCount(Integer paginationCount) {
        this.paginationCount = paginationCount;
    }

    public String getPaginationCursor() {
        return paginationCursor;
    }

    /**
     * List operations: the cursor of the page to fetch (pagination.cursor).
     */
    public void setPaginationCursor(String paginationCursor) {
        this.paginationCursor = paginationCursor;
    }

    public boolean isFetchAllPages() {
        return fetchAllPages;
    }

    /**
     * List operations: follow the next cursor through every page and return the combined list.
     */
    public void setFetchAllPages(boolean fetchAllPages) {
        this.fetchAllPages = fetchAllPages;
    }

    public String getStartTime() {
        return startTime;
    }

    /**
     * listDeliveryMetricsSummaryFromDestination: start time, ISO-8601.
     */
    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    /**
     * listDeliveryMetricsSummaryFromDestination: end time, ISO-8601.
     */
    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public SegmentGranularity getGranularity() {
        return granularity;
    }

    /**
     * listDeliveryMetricsSummaryFromDestination: DAY, HOUR or MINUTE.
     */
    public void setGranularity(SegmentGranularity granularity) {
        this.granularity = granularity;
    }

    public String getSlug() {
        return slug;
    }

    /**
     * updateSource: the new slug.
     */
    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Boolean getSourceEnabled() {
        return sourceEnabled;
    }

    /**
     * updateSource: whether the Source may send data (sent as the body's enabled field; unset, the default, sends
     * none and leaves the Source as it is).
     */
    public void setSourceEnabled(Boolean sourceEnabled) {
        this.sourceEnabled = sourceEnabled;
    }

    public String getResponseType() {
        return responseType;
    }

    /**
     * Public API: the type of the result body: map (java.util.Map) or jsonNode (Jackson JsonNode).
     */
    public void setResponseType(String responseType) {
        this.responseType = responseType;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    /**
     * When false, failures do not throw: the body becomes the envelope {successful, data, error} (for agents and tooling); successes are wrapped the same way.
     */
    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    /** A copy for an endpoint, so that its URI options never change the component's defaults. */
    public SegmentConfiguration copy() {
        try {
            return (SegmentConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Segment's limit on one batch request: 500 KB, read as 500,000 bytes (the stricter reading of "500 KB"). */
    public static final int MAX_BATCH_BYTES_LIMIT = 500_000;
    /** Segment's limit on events per batch: above it, Segment answers 200 and drops the events. */
    public static final int MAX_BATCH_SIZE_LIMIT = 2500;

    /**
     * Checks every option, alone and against the others, for an endpoint of this operation: called once when the
     * endpoint is created, so that a wrong option fails there rather than at the first message or at start-up.
     *
     * @throws IllegalArgumentException naming the option, the rule and the value
     */
    public void validate(SegmentOperation operation) {
        require(region != null, "region must be US or EU");
        requireSendable("writeKey", writeKey == null ? null : Credentials.writeKeyRule(writeKey));
        requireSendable("accessToken", accessToken == null ? null : Credentials.accessTokenRule(accessToken));
        requireUrl("trackingUrl", trackingUrl);
        requireUrl("publicApiUrl", publicApiUrl);
        requireRange("connectTimeout", connectTimeout, 1, Integer.MAX_VALUE, " ms");
        requireRange("responseTimeout", responseTimeout, 1, Integer.MAX_VALUE, " ms");
        requireRange("maxConnections", maxConnections, 1, Integer.MAX_VALUE, "");
        requireRange("maxRetries", maxRetries, 0, Integer.MAX_VALUE, "");
        requireRange("retryBackoffBase", retryBackoffBase, 0, Integer.MAX_VALUE, " ms");
        requireRange("retryBackoffMax", retryBackoffMax, 0, Integer.MAX_VALUE, " ms");
        require(retryBackoffBase <= retryBackoffMax, "retryBackoffBase (" + retryBackoffBase + " ms) must not be "
                                                     + "greater than retryBackoffMax (" + retryBackoffMax + " ms)");
        requireRange("maxRetryAfter", maxRetryAfter, 0, Integer.MAX_VALUE, " ms");
        requireRange("maxRateLimitDuration", maxRateLimitDuration, 0, Integer.MAX_VALUE, " ms");
        int minBatchBytes = TrackingMessageValidator.MAX_MESSAGE_BYTES + SentAt.BATCH_OVERHEAD;
        requireRange("maxBatchBytes", maxBatchBytes, minBatchBytes, MAX_BATCH_BYTES_LIMIT,
                " bytes (from one 32 KB message to Segment's 500 KB per batch request)");
        requireRange("batchSize", batchSize, 1, MAX_BATCH_SIZE_LIMIT, " events (Segment's limit per batch)");
        require(deliveryMode != null, "deliveryMode must be acknowledged or fireAndForget");
        require(overflowPolicy != null, "overflowPolicy must be block, fail or dropNewest");
        requireRange("flushInterval", flushInterval, 0, Integer.MAX_VALUE, " ms");
        requireRange("maxInFlightRequests", maxInFlightRequests, 1, Integer.MAX_VALUE, "");
        require(!batching || maxInFlightRequests <= maxConnections, "maxInFlightRequests must be at most maxConnections ("
                + maxConnections + "): each sender thread sends on a pooled connection of its own, was "
                + maxInFlightRequests);
        requireRange("bufferMaxEvents", bufferMaxEvents, 1, Integer.MAX_VALUE, "");
        requireRange("bufferMaxBytes", bufferMaxBytes, TrackingMessageValidator.MAX_MESSAGE_BYTES, Long.MAX_VALUE,
                " bytes (at least one 32 KB message)");
        requireRange("maxBlockTime", maxBlockTime, 0, Integer.MAX_VALUE, " ms");
        requireRange("shutdownTimeout", shutdownTimeout, 0, Integer.MAX_VALUE, " ms");
        requireRange("deliveryTimeout", deliveryTimeout, 1, Integer.MAX_VALUE, " ms");
        require(deliveryTimeout > flushInterval, "deliveryTimeout must be longer than flushInterval (" + flushInterval
                                                 + " ms): it covers the linger, every attempt and retry wait, was "
                                                 + deliveryTimeout);
        if (paginationCount != null) {
            requireRange("paginationCount", paginationCount, 1, 1000, "");
        }
        require("map".equals(responseType) || "jsonNode".equals(responseType),
                "responseType must be map or jsonNode, was " + responseType);
        if (batching && !operation.isTracking()) {
            throw new IllegalArgumentException("batching=true applies to the Tracking API operations (identify, "
                                               + "track, page, screen, group, alias and batch), not to " + operation);
        }
        if ((messageIdKey != null || sourceTimestamp != null) && !operation.isTracking()) {
            throw new IllegalArgumentException("messageIdKey and sourceTimestamp apply to Tracking API operations "
                                               + "only, not to " + operation);
        }
        HttpClientSettings.of(this).validate();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A credential with a character its header cannot carry: the rule only, never the credential. */
    private static void requireSendable(String option, String rule) {
        if (rule != null) {
            throw new IllegalArgumentException(option + " " + rule);
        }
    }

    private static void requireRange(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be " + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? ">= " + min : "between " + min + " and " + max) + unit + ", was " + value);
        }
    }

    private static void requireUrl(String option, String url) {
        if (url == null) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            require(("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null,
                    option + " must be an absolute http or https URL, was " + url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(option + " must be an absolute http or https URL: " + e.getMessage());
        }
    }

    /**
     * Masks the credentials of this configuration in text built from a response: the write key, the access token, the
     * key to remove, the proxy password and the proxy's Basic credential ({@code user:password}, also as base64).
     */
    public SecretMasker secretMasker() {
        String proxyCredential = proxyUsername != null && proxyPassword != null
                ? proxyUsername + ":" + proxyPassword : null;
        return SecretMasker.of(writeKey, accessToken, writeKeyToRemove, proxyPassword, proxyCredential);
    }

    /** The Tracking API base URL in force: the override, else the region's. */
    public String resolveTrackingUrl() {
        return trackingUrl != null ? trackingUrl : region.getTrackingUrl();
    }

    /** The Public API base URL in force: the override, else the region's. */
    public String resolvePublicApiUrl() {
        return publicApiUrl != null ? publicApiUrl : region.getPublicApiUrl();
    }

    @Override
    public String toString() {
        // Never print credentials.
        return "SegmentConfiguration[region=" + region + ", writeKey=" + (writeKey != null ? "xxxxxx" : null)
               + ", accessToken=" + (accessToken != null ? "xxxxxx" : null)
               + ", writeKeyToRemove=" + (writeKeyToRemove != null ? "xxxxxx" : null) + ", batching=" + batching + "]";
    }
}
