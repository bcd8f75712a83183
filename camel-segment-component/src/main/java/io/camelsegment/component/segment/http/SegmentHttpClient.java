package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client of the component: Apache HttpClient 5 (what camel-http runs on) with pooled connections, and
 * the retry loop of {@link RetryPolicy}. Every request (Tracking API, Public API, direct, batch or buffered) goes
 * through {@link #execute}. Requests are logged by method and masked path only: headers (credentials) never.
 */
public class SegmentHttpClient implements AutoCloseable {

    public static final String RETRY_COUNT_HEADER = "X-Retry-Count";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentHttpClient.class);

    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient client;

    public SegmentHttpClient(int maxConnections, long connectTimeoutMillis) {
        this.connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connectionManager)
                // Retries are ours (Segment's policy, X-Retry-Count): the client's own would hide them.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .useSystemProperties()
                .build();
    }

    /**
     * Sends the request, retrying I/O errors and retryable statuses per the policy, and returns the last response
     * (which may be an error status: mapping it to an exception is the caller's job).
     *
     * @throws SegmentTransportException when the last attempt failed with an I/O error, or a wait was interrupted
     */
    public SegmentHttpResponse execute(
            SegmentHttpRequest request, RetryPolicy policy, RetryDelayHint hint, long responseTimeoutMillis)
            throws SegmentTransportException {
        int attempt = 0;
        while (true) {
            attempt++;
            SegmentHttpResponse response;
            long waitMillis;
            try {
                response = executeOnce(request, attempt, responseTimeoutMillis);
                if (response.isSuccessful() || !RetryPolicy.isRetryableStatus(response.status())
                        || attempt > policy.getMaxRetries()) {
                    return response;
                }
                waitMillis = serverDelay(response, policy, hint);
                if (waitMillis < 0) {
                    waitMillis = policy.backoffMillis(attempt);
                }
                LOG.debug("Segment {} answered HTTP {} (attempt {}), retrying in {} ms", request, response.status(),
                        attempt, waitMillis);
            } catch (IOException e) {
                // A response timeout (SocketTimeoutException) is an InterruptedIOException too, and is retried like
                // any I/O error; only a thread interrupt (stop) ends the loop early.
                if (attempt > policy.getMaxRetries() || Thread.currentThread().isInterrupted()) {
                    throw new SegmentTransportException(attempt, e);
                }
                waitMillis = policy.backoffMillis(attempt);
                LOG.debug("Segment {} failed with {} (attempt {}), retrying in {} ms", request,
                        e.getClass().getSimpleName(), attempt, waitMillis);
            }
            try {
                sleep(waitMillis);
            } catch (InterruptedIOException e) {
                throw new SegmentTransportException(attempt, e);
            }
        }
    }

    private static long serverDelay(SegmentHttpResponse response, RetryPolicy policy, RetryDelayHint hint) {
        long retryAfter = policy.retryAfterMillis(response.header("Retry-After"), Instant.now());
        if (retryAfter >= 0) {
            return retryAfter;
        }
        long hinted = hint.delayMillis(response);
        return hinted >= 0 ? policy.capServerDelay(hinted) : -1;
    }

    private SegmentHttpResponse executeOnce(SegmentHttpRequest request, int attempt, long responseTimeoutMillis)
            throws IOException {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(httpRequest::setHeader);
        String contentType = request.headers().get("Content-Type");
        if (attempt > 1) {
            httpRequest.setHeader(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
        }
        if (request.body() != null) {
            // The request's own media type (the Public API's versioned one), else JSON.
            httpRequest.setEntity(new ByteArrayEntity(request.body(),
                    contentType == null || "application/json".equals(contentType)
                            ? ContentType.APPLICATION_JSON : ContentType.parse(contentType)));
        }
        httpRequest.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build());
        return client.execute(httpRequest, response -> {
            Map<String, String> headers = new HashMap<>();
            for (Header h : response.getHeaders()) {
                headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new SegmentHttpResponse(response.getCode(), headers, body, attempt);
        });
    }

    private static void sleep(long millis) throws InterruptedIOException {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        connectionManager.close(CloseMode.GRACEFUL);
    }
}
