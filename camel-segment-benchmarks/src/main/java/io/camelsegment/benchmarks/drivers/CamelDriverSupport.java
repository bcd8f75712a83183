package io.camelsegment.benchmarks.drivers;

import io.camelsegment.benchmarks.BenchSettings;
import io.camelsegment.benchmarks.Driver;
import io.camelsegment.component.segment.SegmentComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A CamelContext with the segment: component pointed at the sink, one route, and a ProducerTemplate to feed it. */
abstract class CamelDriverSupport implements Driver {

    protected CamelContext context;
    protected ProducerTemplate template;
    protected BenchSettings settings;
    protected Sink sink;

    @Override
    public void start(Sink sink, BenchSettings settings) throws Exception {
        this.sink = sink;
        this.settings = settings;
        context = new DefaultCamelContext();
        SegmentComponent segment = context.getComponent("segment", SegmentComponent.class);
        segment.getConfiguration().setTrackingUrl(sink.trackingUrl());
        segment.getConfiguration().setWriteKey(sink.writeKey());
        context.addRoutes(routes());
        context.start();
        template = context.createProducerTemplate();
    }

    /** The route(s) a user would write for this way of sending. */
    protected abstract RoutesBuilder routes();

    @Override
    public void close() throws Exception {
        if (context != null) {
            // Graceful: whatever a component still buffers is flushed before stop returns.
            context.stop();
        }
    }
}
