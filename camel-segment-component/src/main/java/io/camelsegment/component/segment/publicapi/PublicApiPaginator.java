package io.camelsegment.component.segment.publicapi;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentOperation;
import org.apache.camel.Message;

/**
 * {@code fetchAllPages=true}: follows {@code data.pagination.next} until it is absent and returns one {@code data}
 * shaped like a single page's, its list holding every page's items in order and its {@code pagination} without
 * {@code next}/{@code previous} (API-NOTES B.7).
 */
final class PublicApiPaginator {

    /** The list field of each paginated operation's {@code data}. */
    private static final Map<SegmentOperation, String> LIST_FIELDS = Map.of(
            SegmentOperation.getDailyPerSourceApiCallsUsage, "dailyPerSourceAPICallsUsage",
            SegmentOperation.listConnectedWarehousesFromSource, "warehouses");

    private final PublicApiRequestBuilder requests;
    private final PublicApiClient client;

    PublicApiPaginator(PublicApiRequestBuilder requests, PublicApiClient client) {
        this.requests = requests;
        this.client = client;
    }

    static boolean isPaginated(SegmentOperation operation) {
        return LIST_FIELDS.containsKey(operation);
    }

    JsonNode fetchAll(SegmentOperation operation, PublicApiInputs inputs, Message message) throws Exception {
        String listField = LIST_FIELDS.get(operation);
        PublicApiCall call = requests.build(operation, inputs);
        JsonNode first = client.send(call, message);
        if (!first.isObject()) {
            return first;
        }
        ObjectNode combined = ((ObjectNode) first).deepCopy();
        ArrayNode items = combined.putArray(listField);
        appendItems(first, listField, items);
        JsonNode page = first;
        Set<String> seen = new HashSet<>();
        String next = next(page);
        while (next != null) {
            if (!seen.add(next)) {
                throw new SegmentException("Segment Public API " + call + " returned the cursor of an earlier page "
                                           + "again after " + seen.size() + " page(s); stopped to avoid a loop");
            }
            page = client.send(requests.build(operation, inputs.withCursor(next)), message);
            appendItems(page, listField, items);
            next = next(page);
        }
        JsonNode pagination = combined.get("pagination");
        if (pagination instanceof ObjectNode p) {
            p.remove("next");
            p.remove("previous");
            JsonNode total = page.path("pagination").get("totalEntries");
            if (total != null) {
                p.set("totalEntries", total);
            }
        }
        return combined;
    }

    private static void appendItems(JsonNode page, String listField, ArrayNode into) {
        JsonNode list = page.get(listField);
        if (list != null && list.isArray()) {
            into.addAll((ArrayNode) list);
        }
    }

    private static String next(JsonNode page) {
        JsonNode next = page.path("pagination").get("next");
        return next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
    }
}
