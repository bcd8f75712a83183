package io.camelsegment.component.segment.http;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * A hook into the Apache HttpClient 5 client the component builds (option {@code httpClientConfigurer}, autowired
 * when the registry holds exactly one bean of this type, as camel-http's {@code HttpClientConfigurer} is). Both
 * methods run once per client, after the component applied its own settings (pool size, connect timeout, proxy, TLS
 * from {@code sslContextParameters}), so a configurer can add to them or replace them: request interceptors, metrics,
 * a {@code DnsResolver}, a custom TLS strategy. What it replaces is then its own responsibility: a TLS strategy set
 * here decides on hostname verification itself.
 * <p>
 * The component keeps its own retries (Segment's policy): a configurer must not turn on the client's automatic
 * retries or redirects. Implementations are shared by every client they configure and should be stateless or
 * thread-safe. Endpoints with different configurer instances never share a client.
 */
public interface SegmentHttpClientConfigurer {

    /** Adjusts the connection pool: DNS resolver, TLS strategy, socket and connection settings. */
    default void configureConnectionManager(PoolingHttpClientConnectionManagerBuilder builder) {
    }

    /** Adjusts the client: interceptors, route planner, credentials, user agent. */
    default void configureHttpClient(HttpClientBuilder builder) {
    }
}
