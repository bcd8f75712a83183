package io.camelsegment.component.segment;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The 16 operations of the {@code segment:} component: seven Tracking API calls and nine Public API calls. Each knows
 * its API, HTTP method, path (relative to the API's base URL; {@code {name}} marks a path parameter) and, for the
 * Public API, the {@code Accept} media type that selects its version.
 */
public enum SegmentOperation {

    identify(SegmentApi.TRACKING, "POST", "/identify", null),
    track(SegmentApi.TRACKING, "POST", "/track", null),
    page(SegmentApi.TRACKING, "POST", "/page", null),
    screen(SegmentApi.TRACKING, "POST", "/screen", null),
    group(SegmentApi.TRACKING, "POST", "/group", null),
    alias(SegmentApi.TRACKING, "POST", "/alias", null),
    batch(SegmentApi.TRACKING, "POST", "/batch", null),

    addLabelsToSource(SegmentApi.PUBLIC, "POST", "/sources/{sourceId}/labels", Versions.V1),
    /** <b>Destructive</b>: permanently deletes the Source (Segment audits it as "Source Deleted"). */
    deleteSource(SegmentApi.PUBLIC, "DELETE", "/sources/{sourceId}", Versions.V1),
    getDailyPerSourceApiCallsUsage(SegmentApi.PUBLIC, "GET", "/usage/api-calls/sources/daily", Versions.V1),
    getDestination(SegmentApi.PUBLIC, "GET", "/destinations/{destinationId}", Versions.V1),
    listConnectedWarehousesFromSource(SegmentApi.PUBLIC, "GET", "/sources/{sourceId}/connected-warehouses", Versions.V1),
    listDeliveryMetricsSummaryFromDestination(
            SegmentApi.PUBLIC, "GET", "/destinations/{destinationId}/delivery-metrics", Versions.V1BETA),
    listSchemaSettingsInSource(SegmentApi.PUBLIC, "GET", "/sources/{sourceId}/settings", Versions.V1),
    /**
     * <b>Destructive</b>: revokes a write key of the Source; senders still using it are rejected from then on. The API's
     * alpha {@code removeWriteKeyFromSource}; the key travels in the URL path and is masked wherever it is described.
     */
    removeSourceWriteKey(SegmentApi.PUBLIC, "DELETE", "/sources/{sourceId}/writekey/{writeKey}", Versions.V1ALPHA),
    updateSource(SegmentApi.PUBLIC, "PATCH", "/sources/{sourceId}", Versions.V1);

    private static final class Versions {
        static final String V1 = "application/vnd.segment.v1+json";
        static final String V1BETA = "application/vnd.segment.v1beta+json";
        static final String V1ALPHA = "application/vnd.segment.v1alpha+json";
    }

    private final SegmentApi api;
    private final String method;
    private final String path;
    private final String accept;

    SegmentOperation(SegmentApi api, String method, String path, String accept) {
        this.api = api;
        this.method = method;
        this.path = path;
        this.accept = accept;
    }

    public SegmentApi getApi() {
        return api;
    }

    public boolean isTracking() {
        return api == SegmentApi.TRACKING;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    /** The Public API media type ({@code Accept}) of this operation; null for Tracking API operations. */
    public String getAccept() {
        return accept;
    }

    /** The Segment message {@code type} of a single-event Tracking operation; null for batch and Public API. */
    public String getMessageType() {
        return isTracking() && this != batch ? name() : null;
    }

    /** Looks an operation up by name, failing with the list of valid names. */
    public static SegmentOperation fromName(String name) {
        for (SegmentOperation op : values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Segment operation '" + name + "'. Valid operations: " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
