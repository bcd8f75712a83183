package io.camelsegment.examples.crash;

import java.util.concurrent.CountDownLatch;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The process {@link CrashRedeliveryTest} kills: a file source whose lines go one by one to buffered, acknowledged
 * {@code segment:track}, with the source key of a file line as messageIdKey. The file is moved away (Camel's default)
 * only once every line was acknowledged, so a process killed on the way reads it again from the start when it comes
 * back. Arguments: input directory, trackingUrl, write key. Runs until killed.
 */
public final class FileToSegmentMain {

    /** A line of a file: its name and the line's index (Camel's split index). */
    static final String LINE_KEY = "${header.CamelFileName}-${exchangeProperty.CamelSplitIndex}";

    private FileToSegmentMain() {
    }

    public static void main(String[] args) throws Exception {
        String inputDir = args[0];
        String trackingUrl = args[1];
        String writeKey = args[2];
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inputDir + "?include=.*\\.jsonl&initialDelay=0&delay=200")
                        .routeId("file-to-segment")
                        .split(body().tokenize("\n")).streaming().parallelProcessing()
                            .to("segment:track?batching=true&batchSize=100&maxInFlightRequests=1&flushInterval=50"
                                + "&retryBackoffBase=100&retryBackoffMax=1000"
                                + "&trackingUrl=" + trackingUrl + "&writeKey=RAW(" + writeKey + ")"
                                + "&messageIdKey=" + LINE_KEY)
                        .end()
                        .log("Sent ${header.CamelFileName}");
            }
        });
        context.start();
        new CountDownLatch(1).await();
    }
}
