package io.camelsegment.component.segment.publicapi;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentOperationHandler;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import org.apache.camel.Exchange;

/** The Public API operations. Not implemented yet: see the Public API issue. */
public class PublicApiOperationHandler implements SegmentOperationHandler {

    public PublicApiOperationHandler(SegmentConfiguration configuration, ObjectMapper mapper, SegmentHttpClient http,
                                     RetryPolicy retryPolicy) {
    }

    @Override
    public CompletableFuture<Object> handle(Exchange exchange, SegmentOperation operation) throws Exception {
        throw new SegmentException("The Public API operation " + operation + " is not implemented yet");
    }
}
