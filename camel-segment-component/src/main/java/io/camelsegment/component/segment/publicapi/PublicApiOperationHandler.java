package io.camelsegment.component.segment.publicapi;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentOperationHandler;
import io.camelsegment.component.segment.SegmentVersion;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The nine Public API operations: reads the inputs (headers, JSON body, options), builds and sends the request (all
 * pages with {@code fetchAllPages=true} on list operations), and returns the response's {@code data} as the new body
 * with cursors and rate-limit values in headers. Calls complete synchronously on the caller's thread.
 */
public class PublicApiOperationHandler implements SegmentOperationHandler {

    private final SegmentConfiguration configuration;
    private final ObjectMapper mapper;
    private final PublicApiRequestBuilder requests;
    private final PublicApiResponseMapper responses;
    private final PublicApiClient client;
    private final PublicApiPaginator paginator;

    public PublicApiOperationHandler(SegmentConfiguration configuration, ObjectMapper mapper, SegmentHttpClient http,
                                     RetryPolicy retryPolicy, DeliveryMonitor monitor) {
        this.configuration = configuration;
        this.mapper = mapper;
        this.requests = new PublicApiRequestBuilder(configuration.resolvePublicApiUrl(),
                configuration.getAccessToken(), SegmentVersion.get(), mapper, configuration.secretMasker());
        this.responses = new PublicApiResponseMapper(mapper, configuration.getResponseType());
        this.client = new PublicApiClient(http, retryPolicy, configuration.getResponseTimeout(), mapper, responses,
                monitor);
        this.paginator = new PublicApiPaginator(requests, client);
    }

    @Override
    public CompletableFuture<Object> handle(Exchange exchange, SegmentOperation operation) throws Exception {
        Message message = exchange.getMessage();
        PublicApiInputs inputs = PublicApiInputs.of(message, configuration, mapper);
        JsonNode data;
        if (configuration.isFetchAllPages() && PublicApiPaginator.isPaginated(operation)) {
            data = paginator.fetchAll(operation, inputs, message);
        } else {
            data = client.send(requests.build(operation, inputs), message);
        }
        responses.applyPaginationHeaders(message, data);
        return CompletableFuture.completedFuture(responses.toBody(data));
    }
}
