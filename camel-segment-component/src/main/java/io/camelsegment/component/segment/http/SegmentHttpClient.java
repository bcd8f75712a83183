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

    public SegmentHttpClient(HttpClientSettings settings) {
        this.connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
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
     * Sends the request, retrying I/O errors and retryable statuses as {@link RetryPolicy#decide} rules and sleeping
     * in between, and returns the last response (which may be an error status: mapping it to an exception is the
     * caller's job). For callers that wait for their answer (direct sending, {@code segment:batch}, the Public API);
     * the buffered sender makes single {@link #attempt}s and re-enqueues instead of sleeping.
     *
     * @throws SegmentTransportException when the last attempt failed with an I/O error, or a wait was interrupted
     */
    public SegmentHttpResponse execute(
            SegmentHttpRequest request, RetryPolicy policy, RetryDelayHint hint, long responseTimeoutMillis)
            throws SegmentTransportException {
        int attempt = 0;
        while (true) {
            attempt++;
            RetryDecision decision;
            try {
                SegmentHttpResponse response = attempt(request, attempt, responseTimeoutMillis);
                decision = policy.decide(attempt, response, null, hint, Instant.now());
                if (!decision.retry()) {
                    return response;
                }
                LOG.debug("Segment {} answered HTTP {} (attempt {}), retrying in {} ms", request, response.status(),
                        attempt, decision.delayMillis());
            } catch (IOException e) {
                // A response timeout (SocketTimeoutException) is an InterruptedIOException too, and is retried like
                // any I/O error; only a thread interrupt (stop) ends the loop early.
                decision = policy.decide(attempt, null, e, hint, Instant.now());
                if (!decision.retry() || Thread.currentThread().isInterrupted()) {
                    throw new SegmentTransportException(attempt, e);
                }
                LOG.debug("Segment {} failed with {} (attempt {}), retrying in {} ms", request,
                        e.getClass().getSimpleName(), attempt, decision.delayMillis());
            }
            try {
                sleep(decision.delayMillis());
            } catch (InterruptedIOException e) {
                throw new SegmentTransportException(attempt, e);
            }
        }
    }

    /**
     * One attempt, no retry: the response whatever its status, or the I/O error. Attempts after the first carry
     * {@code X-Retry-Count}.
     */
    public SegmentHttpResponse attempt(SegmentHttpRequest request, int attempt, long responseTimeoutMillis)
            throws IOException {
        return executeOnce(request, attempt, responseTimeoutMillis);
    }

    private SegmentHttpResponse executeOnce(SegmentHttpRequest request, int attempt, long responseTimeoutMillis)
            throws IOException {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(httpRequest::setHeader);
        if (attempt > 1) {
            httpRequest.setHeader(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
        }
        if (request.body() != null) {
            httpRequest.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
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
