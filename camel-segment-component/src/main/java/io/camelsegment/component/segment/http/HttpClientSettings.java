package io.camelsegment.component.segment.http;

import io.camelsegment.component.segment.SegmentConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Everything that shapes one HTTP client: pool size, connect timeout, proxy, TLS and the user's configurer. Endpoints
 * share a client only when these are equal (this record is the key), so two endpoints with different proxies or
 * trust never share connections. {@link #toString()} shows no secret.
 *
 * @param maxConnections       pooled connections (total and per route)
 * @param connectTimeoutMillis connect timeout
 * @param proxy                the proxy, or {@link ProxySettings#NONE}
 * @param sslContextParameters TLS settings (compared by identity), or null for the JVM's default trust
 * @param configurer           the user's hook (compared by identity), or null
 */
public record HttpClientSettings(
        int maxConnections,
        long connectTimeoutMillis,
        ProxySettings proxy,
        SSLContextParameters sslContextParameters,
        SegmentHttpClientConfigurer configurer) {

    public static HttpClientSettings of(SegmentConfiguration c) {
        return new HttpClientSettings(c.getMaxConnections(), c.getConnectTimeout(),
                new ProxySettings(c.getProxyHost(), c.getProxyPort() != null ? c.getProxyPort() : 0,
                        c.getProxyUsername(), c.getProxyPassword(), c.getNonProxyHosts()),
                c.getSslContextParameters(), c.getHttpClientConfigurer());
    }

    /** Checks the options against each other; fails at endpoint creation, not at the first request. */
    public void validate() {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        if (connectTimeoutMillis < 0) {
            throw new IllegalArgumentException("connectTimeout must be >= 0 ms, was " + connectTimeoutMillis);
        }
        proxy.validate();
    }

    @Override
    public String toString() {
        return "HttpClientSettings[maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeoutMillis
               + "ms, " + proxy + ", TLS=" + (sslContextParameters != null ? "sslContextParameters" : "JVM default")
               + (configurer != null ? ", configurer=" + configurer.getClass().getName() : "") + "]";
    }
}
