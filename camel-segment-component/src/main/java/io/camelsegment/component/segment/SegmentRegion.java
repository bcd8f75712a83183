package io.camelsegment.component.segment;

/** The Segment region of a workspace: picks the Tracking API and Public API hosts. */
public enum SegmentRegion {

    US("https://api.segment.io/v1", "https://api.segmentapis.com"),
    EU("https://events.eu1.segmentapis.com/v1", "https://eu1.api.segmentapis.com");

    private final String trackingUrl;
    private final String publicApiUrl;

    SegmentRegion(String trackingUrl, String publicApiUrl) {
        this.trackingUrl = trackingUrl;
        this.publicApiUrl = publicApiUrl;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    public String getPublicApiUrl() {
        return publicApiUrl;
    }
}
