package io.camelsegment.component.segment.http;

import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes through the configured proxy, except to hosts its {@code nonProxyHosts} patterns match. */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final ProxySettings proxy;
    private final HttpHost proxyHost;

    ProxyRoutePlanner(ProxySettings proxy) {
        super(null);
        this.proxy = proxy;
        this.proxyHost = new HttpHost(proxy.host(), proxy.port());
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxy.bypasses(target.getHostName()) ? null : proxyHost;
    }
}
