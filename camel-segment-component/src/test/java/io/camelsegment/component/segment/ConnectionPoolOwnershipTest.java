package io.camelsegment.component.segment;

import io.camelsegment.component.segment.http.SegmentHttpClient;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The component owns one connection pool per distinct connection settings: an endpoint that asks for more connections
 * gets a pool of its own (the pools used to be keyed by connectTimeout only, so a second endpoint's maxConnections was
 * silently ignored), and endpoints with equal settings share one whatever their API.
 */
class ConnectionPoolOwnershipTest extends CamelTestSupport {

    @Test
    void endpointsShareAPoolOnlyWithEqualConnectionSettings() {
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        SegmentHttpClient track = pool(component, "segment:track?writeKey=wk1");
        SegmentHttpClient identify = pool(component, "segment:identify?writeKey=wk2&batching=true");
        SegmentHttpClient sources = pool(component, "segment:getDestination?accessToken=t");
        SegmentHttpClient wide = pool(component, "segment:track?writeKey=wk1&maxConnections=64");
        SegmentHttpClient slowConnect = pool(component, "segment:track?writeKey=wk1&connectTimeout=20000");

        assertSame(track, identify);
        assertSame(track, sources);
        assertNotSame(track, wide, "maxConnections=64 must not be served by the 32-connection pool");
        assertNotSame(track, slowConnect);
        assertSame(wide, pool(component, "segment:page?writeKey=wk3&maxConnections=64"));
    }

    private SegmentHttpClient pool(SegmentComponent component, String uri) {
        return component.httpClient(context.getEndpoint(uri, SegmentEndpoint.class).getConfiguration());
    }
}
