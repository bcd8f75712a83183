package io.camelsegment.kamelets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import io.camelsegment.test.SegmentReceiverExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Pipe (as Camel K and Kaoto write them) with segment-sink as its sink, loaded by the YAML DSL. The Tracking URL
 * comes from the component's configuration: the YAML DSL passes a Pipe's property values to the Kamelet URL-encoded
 * (Camel 4.18), so a URL, a placeholder or a key with '+' would not arrive as written.
 */
class SegmentSinkPipeTest extends CamelTestSupport {

    private static final String WRITE_KEY = "pipe-write-key-1";

    @RegisterExtension
    static SegmentReceiverExtension segment = SegmentReceiverExtension.withWriteKey(WRITE_KEY);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        segment.receiver().configure(context);
        context.getComponent("segment", io.camelsegment.component.segment.SegmentComponent.class)
                .getConfiguration().setWriteKey(null); // the key comes from the Pipe
        KameletRoutes.load(context, "routes/orders-to-segment.pipe.yaml", Map.of("WRITE_KEY", WRITE_KEY));
        return context;
    }

    @Test
    void sendsEachMessageOfThePipesSourceAsAnEvent(SegmentReceiver receiver) {
        template.sendBody("direct:pipe-orders",
                "{\"userId\":\"u-5\",\"properties\":{\"carrier\":\"DHL\"}}".getBytes(StandardCharsets.UTF_8));

        ReceivedMessage shipped = receiver.awaitTracks("Order Shipped", 1, Duration.ofSeconds(10)).get(0);
        assertEquals("u-5", shipped.userId());
        assertEquals("DHL", shipped.property("carrier").asText(), "a JSON body given as bytes");
        receiver.assertAllRequestsAccepted();
    }
}
