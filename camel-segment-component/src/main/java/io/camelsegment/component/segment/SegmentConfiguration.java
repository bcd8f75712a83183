package io.camelsegment.component.segment;

import java.util.concurrent.ExecutorService;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

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
    @UriParam(label = "retry", defaultValue = "10")
    private int maxRetries = 10;
    @UriParam(label = "retry", defaultValue = "500", javaType = "java.time.Duration")
    private long retryBackoffBase = 500L;
    @UriParam(label = "retry", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryBackoffMax = 60000L;
    @UriParam(label = "retry", defaultValue = "300000", javaType = "java.time.Duration")
    private long maxRetryAfter = 300000L;
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
    private Boolean enabled;
    @UriParam(label = "producer", defaultValue = "map", enums = "map,jsonNode")
    private String responseType = "map";
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;

    public String getWriteKey() {
        return writeKey;
    }

    /**
     * Tracking API: the Source write key (sent as HTTP Basic auth). For removeSourceWriteKey: the write key to remove from the Source.
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
     * How long to wait for Segment's response to a request.
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
     * page/screen: default page or screen name. updateSource: the new Source name.
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
     * Buffer single-event operations (identify, track, page, screen, group, alias) and send them in shared /v1/batch requests, several in flight; a batch leaves as soon as a sender is free and grows while all are busy. On segment:batch, the items of successive collections share those batches (each exchange completes when all its items are settled).
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

    public long getFlushInterval() {
        return flushInterval;
    }

    /**
     * With batching: the linger, how long a batch waits for more events before it is sent even though a sender is free (like Kafka's linger.ms). 0 (the default) sends as soon as a sender is free; batches still fill while all senders are busy. A linger makes fuller batches (fewer requests) at the cost of that much latency per event.
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

    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * updateSource: whether the Source may send data.
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
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
               + ", accessToken=" + (accessToken != null ? "xxxxxx" : null) + ", batching=" + batching + "]";
    }
}
