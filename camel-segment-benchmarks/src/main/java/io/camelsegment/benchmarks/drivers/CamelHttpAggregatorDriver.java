package io.camelsegment.benchmarks.drivers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.camelsegment.benchmarks.TrackEvents;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * What a user writes without this component: the aggregator collects events, Jackson marshals
 * {@code {"batch":[...]}}, and camel-http posts it to /v1/batch with a Basic auth header. No validation, no size
 * limit check, no retry policy of Segment's: the plain route.
 * <p>
 * One thing a user learns on the first run: the aggregator hands completed batches to a single thread through an
 * unbounded queue, so a producer faster than HTTP fills the heap (-Xmx128m: OutOfMemoryError after about 10 % of a
 * million events). So the route gives the aggregator a bounded executor that runs a batch on the caller's thread when
 * the hand-off is full.
 */
public final class CamelHttpAggregatorDriver extends CamelDriverSupport {

    private final SettledEvents settled = new SettledEvents();

    @Override
    protected RoutesBuilder routes() {
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((sink.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
        String batchUrl = sink.trackingUrl() + "/batch";
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> settled.failed(batchSize(e)));
                from("direct:events").routeId("events")
                        .aggregate(constant(true), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                        .completionSize(settings.listSize())
                        .completionTimeout(1000)
                        .executorService(boundedSender())
                        .process(e -> e.getMessage().setBody(Map.of("batch", e.getMessage().getBody())))
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader("Authorization", constant(authorization))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .to(batchUrl)
                        .process(e -> settled.delivered(batchSize(e)));
            }
        };
    }

    /** One thread completing aggregated batches; a full queue makes the feeding thread send (back-pressure). */
    static ExecutorService boundedSender() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static int batchSize(Exchange exchange) {
        return exchange.getProperty(Exchange.AGGREGATED_SIZE, 0, Integer.class);
    }

    @Override
    public long send(long first, long total) throws Exception {
        settled.reset();
        Endpoint events = context.getEndpoint("direct:events");
        for (long i = first; i < first + total; i++) {
            template.sendBody(events, TrackEvents.message(i));
        }
        return settled.awaitAll(total, settings.deliveryTimeoutMillis());
    }
}
