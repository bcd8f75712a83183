package io.camelsegment.component.segment.http;

import io.camelsegment.component.segment.SegmentConfiguration;

/**
 * Everything that shapes a connection pool: the component keeps one {@link SegmentHttpClient} per distinct value of
 * this record, so endpoints with equal connection settings share a pool and an endpoint that asks for other settings
 * (e.g. more connections) gets its own instead of being silently served by the first one.
 *
 * @param maxConnections       connections in the pool (total and per route)
 * @param connectTimeoutMillis how long to wait for a TCP connection
 */
public record HttpClientSettings(int maxConnections, long connectTimeoutMillis) {

    public static HttpClientSettings of(SegmentConfiguration configuration) {
        return new HttpClientSettings(configuration.getMaxConnections(), configuration.getConnectTimeout());
    }
}
