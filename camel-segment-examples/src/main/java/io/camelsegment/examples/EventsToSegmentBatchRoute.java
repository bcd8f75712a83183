package io.camelsegment.examples;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The main route (Java DSL): reads JSON-lines files and sends them with {@code segment:batch}, a list of lines at a
 * time. A sequential source like a file is best served this way: the component packs each list into as few
 * {@code /v1/batch} requests as Segment's limits allow (500 KB, 2500 events), where one request per line would wait
 * for every response in turn.
 */
public class EventsToSegmentBatchRoute extends RouteBuilder {

    /** Lines per list: Segment's event limit per request, so requests fill up to the byte limit. */
    static final int LINES_PER_LIST = 2500;

    /**
     * A list's source key: the file and the list's index in it (the component adds each item's index). Lines without
     * a messageId of their own then get the same derived one when the file is read again after a crash.
     */
    static final String LIST_KEY = "${header.CamelFileName}-${exchangeProperty.CamelSplitIndex}";

    @Override
    public void configure() {
        from("file:{{example.input-dir}}?noop=true&include=.*\\.jsonl&sortBy=file:name&directoryMustExist=true"
             + "&initialDelay=0&delay=500&sendEmptyMessageWhenIdle=true")
                .routeId("events-batch")
                .choice()
                    .when(body().isNull())
                        // an idle poll: every file has been read
                        .bean("exampleStats", "inputDrained")
                    .otherwise()
                        .bean("exampleStats", "reading")
                        .split(body().tokenize("\n", LINES_PER_LIST, false)).streaming()
                            .process(EventsToSegmentBatchRoute::toEventList)
                            .to("segment:batch?messageIdKey=" + LIST_KEY)
                            .bean("exampleStats", "delivered")
                        .end()
                .end();
    }

    /** A group of lines (one JSON event each) → a List the segment:batch endpoint accepts; blank lines skipped. */
    static void toEventList(Exchange exchange) {
        String lines = exchange.getMessage().getBody(String.class);
        List<String> events = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                events.add(line);
            }
        }
        exchange.getMessage().setBody(events);
    }
}
