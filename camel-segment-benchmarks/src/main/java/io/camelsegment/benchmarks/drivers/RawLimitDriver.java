package io.camelsegment.benchmarks.drivers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.benchmarks.BenchSettings;
import io.camelsegment.benchmarks.Driver;
import io.camelsegment.benchmarks.TrackEvents;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The ceiling "close to the limit" is measured against: no Camel, no validation, no retries. Four threads each take
 * the next range of events, serialize them with Jackson straight into a {@code {"batch":[...]}} body of just under
 * 500 KB, and post it with HttpClient 5 (pooled connections). Serializing is the only per-event work left.
 */
public final class RawLimitDriver implements Driver {

    private static final int THREADS = 4;
    private static final int MAX_BYTES = 500_000;
    private static final int SLACK = 8_000; // one more event and the sentAt never cross 500,000 bytes

    private final ObjectMapper mapper = new ObjectMapper();
    private CloseableHttpClient client;
    private String batchUrl;
    private String authorization;

    @Override
    public void start(Sink sink, BenchSettings settings) {
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(THREADS).setMaxConnPerRoute(THREADS).build())
                .build();
        batchUrl = sink.trackingUrl() + "/batch";
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((sink.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long send(long first, long count) throws Exception {
        AtomicLong next = new AtomicLong(first);
        long end = first + count;
        LongAdder failed = new LongAdder();
        ExecutorService posters = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(posters.submit(() -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream(MAX_BYTES);
                    while (true) {
                        body.reset();
                        int events = fill(body, next, end);
                        if (events == 0) {
                            return null;
                        }
                        if (!post(body.toByteArray())) {
                            failed.add(events);
                        }
                    }
                }));
            }
            for (Future<?> poster : running) {
                poster.get();
            }
        } finally {
            posters.shutdown();
        }
        return failed.sum();
    }

    /** Serializes events into one batch body until it is nearly 500 KB; returns how many. */
    private int fill(ByteArrayOutputStream body, AtomicLong next, long end) throws Exception {
        body.write("{\"batch\":[".getBytes(StandardCharsets.US_ASCII));
        int events = 0;
        while (body.size() < MAX_BYTES - SLACK) {
            long i = next.getAndIncrement();
            if (i >= end) {
                break;
            }
            if (events++ > 0) {
                body.write(',');
            }
            mapper.writeValue(new NonClosing(body), TrackEvents.message(i));
        }
        body.write(("],\"sentAt\":\"" + java.time.Instant.now() + "\"}").getBytes(StandardCharsets.US_ASCII));
        return events;
    }

    private boolean post(byte[] body) throws Exception {
        HttpPost post = new HttpPost(batchUrl);
        post.setHeader("Authorization", authorization);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode() == 200;
        });
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** Jackson closes the stream it wrote to; the body is still being built. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(ByteArrayOutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // keep the body open
        }
    }
}
