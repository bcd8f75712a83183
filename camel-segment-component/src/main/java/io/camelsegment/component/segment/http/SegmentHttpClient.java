package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of the component: Apache HttpClient 5 (what camel-http runs on) with pooled connections, and
 * the retry loop of {@link RetryPolicy}. Every request (Tracking API, Public API, direct, batch or buffered) goes
 * through {@link #execute}. Failed attempts are logged by {@link DeliveryAttemptLog} (method and masked path only:
 * headers, credentials and bodies never).
 */
public class SegmentHttpClient implements AutoCloseable {

    public static final String RETRY_COUNT_HEADER = "X-Retry-Count";
    /**
     * Most bytes read of a successful answer (far more than a Public API page of 1,000 items); the rest is never read,
     * so that a server or proxy answering without end cannot exhaust the heap.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Most bytes read of an error answer: what an exception shows of it is 1,000 characters. */
    public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient client;
    private final long connectTimeoutMillis;
    private final RequestTimer timer;

    /**
     * Builds the client for these settings: the one place where pool, timeouts, proxy, TLS and the user's
     * {@link SegmentHttpClientConfigurer} are applied.
     *
     * @param sslContext the TLS context made from {@code settings.sslContextParameters()}, or null for the JVM's
     *                   default; hostname verification is on either way
     * @param timer      ends attempts that outlast connectTimeout + responseTimeout
     */
    public SegmentHttpClient(HttpClientSettings settings, SSLContext sslContext, RequestTimer timer) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .build());
        if (sslContext != null) {
            // BOTH: the JSSE endpoint check and HttpClient's own verifier; there is no option to turn it off.
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext, HostnameVerificationPolicy.BOTH,
                    HttpsSupport.getDefaultHostnameVerifier()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                // Retries are ours (Segment's policy, X-Retry-Count): the client's own would hide them.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .useSystemProperties();
        ProxySettings proxy = settings.proxy();
        if (proxy.isSet()) {
            builder.setRoutePlanner(new ProxyRoutePlanner(proxy));
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(proxy.username(),
                                proxy.password() != null ? proxy.password().toCharArray() : new char[0]));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        SegmentHttpClientConfigurer configurer = settings.configurer();
        if (configurer != null) {
            configurer.configureConnectionManager(pool);
            configurer.configureHttpClient(builder);
        }
        this.connectionManager = pool.build();
        this.client = builder.setConnectionManager(connectionManager).build();
        this.connectTimeoutMillis = settings.connectTimeoutMillis();
        this.timer = timer;
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
        RetryState retries = new RetryState();
        while (true) {
            int attempt = retries.nextAttempt();
            RetryDecision decision;
            try {
                SegmentHttpResponse response = executeOnce(request, attempt, responseTimeoutMillis,
                        RequestWatch.NONE);
                decision = policy.decide(retries, response, null, hint, Instant.now());
                logOutcome(request, retries, policy.getMaxRetries(), response, null, decision, responseTimeoutMillis);
                if (!decision.retry()) {
                    return response;
                }
            } catch (IOException e) {
                // A response timeout (SocketTimeoutException) is an InterruptedIOException too, and is retried like
                // any I/O error; only a thread interrupt (stop) ends the loop early.
                if (Thread.currentThread().isInterrupted()) {
                    throw new SegmentTransportException(attempt, e);
                }
                decision = policy.decide(retries, null, e, hint, Instant.now());
                logOutcome(request, retries, policy.getMaxRetries(), null, e, decision, responseTimeoutMillis);
                if (!decision.retry()) {
                    throw new SegmentTransportException(attempt, e);
                }
            }
            try {
                sleep(decision.delayMillis());
            } catch (InterruptedIOException e) {
                throw new SegmentTransportException(attempt, e);
            }
        }
    }

    /** The timer that ends this client's attempts; owned by the component, also for its senders' own deadlines. */
    public RequestTimer requestTimer() {
        return timer;
    }

    /**
     * One attempt, no retry: the response whatever its status, or the I/O error. Attempts after the first carry
     * {@code X-Retry-Count}.
     *
     * @param watch may abort the request before it ends by itself (then it fails with an I/O error)
     */
    public SegmentHttpResponse attempt(SegmentHttpRequest request, int attempt, long responseTimeoutMillis,
                                       RequestWatch watch)
            throws IOException {
        return executeOnce(request, attempt, responseTimeoutMillis, watch);
    }

    /**
     * Logs what follows one attempt through {@link DeliveryAttemptLog}, for the blocking loop and the buffered sender
     * alike: a retry (WARN), success after failed attempts, or giving up after failed attempts or when a retryable
     * failure has no retry left. A first attempt that succeeds, or fails with a status that is never retried, is not
     * logged here (the caller reports it).
     *
     * @param retries  the request's attempts, the one just made included
     * @param response the attempt's response, or null when it failed with {@code error}
     */
    public void logOutcome(SegmentHttpRequest request, RetryState retries, int maxRetries, SegmentHttpResponse response,
                           IOException error, RetryDecision decision, long responseTimeoutMillis) {
        int attempt = retries.attempts();
        int maxAttempts = retries.maxAttempts(maxRetries);
        if (decision.retry()) {
            DeliveryAttemptLog.retrying(request, attempt, maxAttempts,
                    describe(request, response, error, responseTimeoutMillis), decision.delayMillis());
        } else if (response != null && response.isSuccessful()) {
            if (attempt > 1) {
                DeliveryAttemptLog.recovered(request, attempt, maxAttempts);
            }
        } else if (attempt > 1 || decision.exhausted()) {
            DeliveryAttemptLog.givingUp(request, attempt, maxAttempts,
                    describe(request, response, error, responseTimeoutMillis), decision);
        }
    }

    private String describe(SegmentHttpRequest request, SegmentHttpResponse response, IOException error,
                            long responseTimeoutMillis) {
        return response != null ? DeliveryAttemptLog.describe(response)
                : DeliveryAttemptLog.describe(error, request.uri(), connectTimeoutMillis, responseTimeoutMillis);
    }

    private SegmentHttpResponse executeOnce(SegmentHttpRequest request, int attempt, long responseTimeoutMillis,
                                            RequestWatch watch)
            throws IOException {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(httpRequest::setHeader);
        String contentType = request.headers().get("Content-Type");
        if (attempt > 1) {
            httpRequest.setHeader(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
        }
        if (request.body() != null) {
            // The request's own media type (the Public API's versioned one), else JSON.
            httpRequest.setEntity(new ByteArrayEntity(request.body(), 0, request.bodyLength(),
                    contentType == null || "application/json".equals(contentType)
                            ? ContentType.APPLICATION_JSON : ContentType.parse(contentType)));
        }
        httpRequest.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build());
        // HttpClient's timeouts bound each step (the response timeout each read): the attempt as a whole ends at
        // connectTimeout + responseTimeout, however slowly a server answers or a pooled connection comes free.
        long attemptMillis = connectTimeoutMillis + responseTimeoutMillis;
        RequestWatch.Watched bounded = timer.abortAfter(httpRequest, TimeUnit.MILLISECONDS.toNanos(attemptMillis));
        try (RequestWatch.Watched watched = watch.watch(httpRequest); bounded) {
            return exchange(httpRequest, attempt);
        } catch (IOException | CancellationException e) {
            // An abort shows as whatever the interrupted step throws (a closed socket; a cancelled wait for a pooled
            // connection): named here for what it was.
            if (bounded.aborted()) {
                throw aborted("no complete answer within connectTimeout + responseTimeout (" + attemptMillis + " ms)",
                        e);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw aborted("request aborted before it was sent", e);
        }
    }

    private static InterruptedIOException aborted(String message, Exception cause) {
        InterruptedIOException aborted = new InterruptedIOException(message);
        aborted.initCause(cause);
        return aborted;
    }

    private SegmentHttpResponse exchange(HttpUriRequestBase httpRequest, int attempt) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, httpRequest, null);
        boolean readToTheEnd = false;
        try {
            Map<String, String> headers = new HashMap<>();
            for (Header h : response.getHeaders()) {
                headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            int status = response.getCode();
            byte[] body = new byte[0];
            boolean truncated = false;
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                InputStream content = entity.getContent();
                body = content.readNBytes(status >= 200 && status < 300 ? MAX_BODY_BYTES : MAX_ERROR_BODY_BYTES);
                // Reading the end releases the connection for reuse; a longer body is cut off with its connection.
                truncated = content.read() != -1;
            }
            readToTheEnd = !truncated;
            return new SegmentHttpResponse(status, headers, body, attempt, truncated);
        } finally {
            if (readToTheEnd) {
                response.close();
            } else {
                closeCutOff(httpRequest, response);
            }
        }
    }

    /**
     * Closes a response whose body was not read to the end (cut off, or its reading failed or timed out): the
     * connection is dropped first, as closing would otherwise read on to the end (or wait out another timeout).
     */
    private static void closeCutOff(HttpUriRequestBase request, ClassicHttpResponse response) {
        request.cancel();
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
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
