package io.camelsegment.component.segment;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code segment:} component. Input headers override the body and the endpoint's options;
 * output headers describe what was sent.
 */
public final class SegmentConstants {

    // ---- input: any operation

    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint's. It may not cross "
                                                + "APIs: a Tracking API endpoint only accepts Tracking API operations, "
                                                + "a Public API endpoint only Public API ones.",
              javaType = "io.camelsegment.component.segment.SegmentOperation")
    public static final String OPERATION = "CamelSegmentOperation";

    @Metadata(label = "producer", description = "Tracking API only: the write key to authenticate with, overriding "
                                                + "the writeKey option. Never read by removeSourceWriteKey (see "
                                                + "CamelSegmentWriteKeyToRemove).",
              javaType = "String", secret = true)
    public static final String WRITE_KEY = "CamelSegmentWriteKey";

    // ---- input: Tracking API message fields

    @Metadata(label = "producer", description = "The user id (userId) of the message.", javaType = "String")
    public static final String USER_ID = "CamelSegmentUserId";
    @Metadata(label = "producer", description = "The anonymous id (anonymousId) of the message.", javaType = "String")
    public static final String ANONYMOUS_ID = "CamelSegmentAnonymousId";
    @Metadata(label = "producer", description = "track: the event name (event). Ignored by the other operations.", javaType = "String")
    public static final String EVENT = "CamelSegmentEvent";
    @Metadata(label = "producer", description = "page/screen: the page or screen name (name). Ignored by the other "
                                                + "operations; not read by updateSource (see CamelSegmentSourceName).",
              javaType = "String")
    public static final String NAME = "CamelSegmentName";
    @Metadata(label = "producer", description = "page/screen: the category (category). Ignored by the other "
                                                + "operations.", javaType = "String")
    public static final String CATEGORY = "CamelSegmentCategory";
    @Metadata(label = "producer", description = "group: the group id (groupId). Ignored by the other operations.", javaType = "String")
    public static final String GROUP_ID = "CamelSegmentGroupId";
    @Metadata(label = "producer", description = "alias: the previous id (previousId). Ignored by the other operations.", javaType = "String")
    public static final String PREVIOUS_ID = "CamelSegmentPreviousId";
    @Metadata(label = "producer", description = "The message id Segment deduplicates on (at most 100 characters). "
                                                + "When absent, one is derived from the exchange, so that a "
                                                + "redelivered exchange reuses it.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelSegmentMessageId";
    @Metadata(label = "producer", description = "When the event happened: an ISO-8601 String, java.time.Instant, "
                                                + "OffsetDateTime, ZonedDateTime, java.util.Date or epoch millis. "
                                                + "Defaults to the exchange's creation time.",
              javaType = "Object")
    public static final String TIMESTAMP = "CamelSegmentTimestamp";
    @Metadata(label = "producer", description = "identify/group: the traits object (a Map, JsonNode or JSON String). "
                                                + "Ignored by the other operations.",
              javaType = "Object")
    public static final String TRAITS = "CamelSegmentTraits";
    @Metadata(label = "producer", description = "track/page/screen: the properties object (a Map, JsonNode or JSON "
                                                + "String). Ignored by the other operations.",
              javaType = "Object")
    public static final String PROPERTIES = "CamelSegmentProperties";
    @Metadata(label = "producer", description = "The context object (a Map, JsonNode or JSON String). For batch, "
                                                + "merged into every item's context.",
              javaType = "Object")
    public static final String CONTEXT = "CamelSegmentContext";
    @Metadata(label = "producer", description = "The integrations object (per-destination on/off; a Map, JsonNode or "
                                                + "JSON String). For batch, merged into every item's integrations.",
              javaType = "Object")
    public static final String INTEGRATIONS = "CamelSegmentIntegrations";

    // ---- output: Tracking API

    @Metadata(label = "producer", description = "The HTTP status of the (last) response.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelSegmentHttpStatus";
    @Metadata(label = "producer", description = "The messageIds of the events sent (accepted by Segment).",
              javaType = "java.util.List<String>")
    public static final String MESSAGE_IDS = "CamelSegmentMessageIds";
    @Metadata(label = "producer", description = "batch: how many HTTP requests carried the events.",
              javaType = "Integer")
    public static final String REQUEST_COUNT = "CamelSegmentRequestCount";

    // ---- input: Public API

    @Metadata(label = "producer", description = "The Source id (sourceId).", javaType = "String")
    public static final String SOURCE_ID = "CamelSegmentSourceId";
    @Metadata(label = "producer", description = "The Destination id (destinationId).", javaType = "String")
    public static final String DESTINATION_ID = "CamelSegmentDestinationId";
    @Metadata(label = "producer", description = "addLabelsToSource: the labels, a List of {key, value[, description]} "
                                                + "Maps, a JSON array, or 'key:value,key:value'.",
              javaType = "Object")
    public static final String LABELS = "CamelSegmentLabels";
    @Metadata(label = "producer", description = "getDailyPerSourceApiCallsUsage: start of the usage period, "
                                                + "ISO-8601 date (e.g. 2021-02-01).",
              javaType = "String")
    public static final String PERIOD = "CamelSegmentPeriod";
    @Metadata(label = "producer", description = "List operations: page size (pagination.count).", javaType = "Integer")
    public static final String PAGINATION_COUNT = "CamelSegmentPaginationCount";
    @Metadata(label = "producer", description = "List operations: page cursor (pagination.cursor).",
              javaType = "String")
    public static final String PAGINATION_CURSOR = "CamelSegmentPaginationCursor";
    @Metadata(label = "producer", description = "listDeliveryMetricsSummaryFromDestination: start time, ISO-8601.",
              javaType = "String")
    public static final String START_TIME = "CamelSegmentStartTime";
    @Metadata(label = "producer", description = "listDeliveryMetricsSummaryFromDestination: end time, ISO-8601.",
              javaType = "String")
    public static final String END_TIME = "CamelSegmentEndTime";
    @Metadata(label = "producer", description = "listDeliveryMetricsSummaryFromDestination: DAY, HOUR or MINUTE.",
              javaType = "io.camelsegment.component.segment.SegmentGranularity")
    public static final String GRANULARITY = "CamelSegmentGranularity";
    @Metadata(label = "producer", description = "updateSource: the new Source name (sent as name). Overrides the "
                                                + "body's name field and the sourceName option.",
              javaType = "String")
    public static final String SOURCE_NAME = "CamelSegmentSourceName";
    @Metadata(label = "producer", description = "removeSourceWriteKey: the write key to remove from the Source "
                                                + "(required). Overrides the body's writeKeyToRemove field and the "
                                                + "writeKeyToRemove option; never taken from the writeKey option or "
                                                + "the CamelSegmentWriteKey header.",
              javaType = "String", secret = true)
    public static final String WRITE_KEY_TO_REMOVE = "CamelSegmentWriteKeyToRemove";
    @Metadata(label = "producer", description = "updateSource: the new slug.", javaType = "String")
    public static final String SLUG = "CamelSegmentSlug";
    @Metadata(label = "producer", description = "updateSource: whether the Source may send data (sent as the "
                                                + "body's enabled field). Overrides the body's enabled field and the "
                                                + "sourceEnabled option.",
              javaType = "Boolean")
    public static final String SOURCE_ENABLED = "CamelSegmentSourceEnabled";
    @Metadata(label = "producer", description = "updateSource: the settings object (a Map, JsonNode or JSON String).",
              javaType = "Object")
    public static final String SETTINGS = "CamelSegmentSettings";

    // ---- output: Public API

    @Metadata(label = "producer", description = "List operations: the cursor of the next page, absent on the last.",
              javaType = "String")
    public static final String NEXT_CURSOR = "CamelSegmentNextCursor";
    @Metadata(label = "producer", description = "List operations: the cursor of the previous page.",
              javaType = "String")
    public static final String PREVIOUS_CURSOR = "CamelSegmentPreviousCursor";
    @Metadata(label = "producer", description = "List operations: the total number of entries, when Segment gives it.",
              javaType = "Long")
    public static final String TOTAL_ENTRIES = "CamelSegmentTotalEntries";
    @Metadata(label = "producer", description = "Public API: X-RateLimit-Remaining of the last response.",
              javaType = "String")
    public static final String RATE_LIMIT_REMAINING = "CamelSegmentRateLimitRemaining";
    @Metadata(label = "producer", description = "Public API: X-RateLimit-Consumed of the last response.",
              javaType = "String")
    public static final String RATE_LIMIT_CONSUMED = "CamelSegmentRateLimitConsumed";
    @Metadata(label = "producer", description = "Public API: X-RateLimit-Reset of the last response (RFC 5322 time).",
              javaType = "String")
    public static final String RATE_LIMIT_RESET = "CamelSegmentRateLimitReset";

    private SegmentConstants() {
    }
}
