package io.camelsegment.component.segment.publicapi;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.camelsegment.component.segment.SegmentOperation.getDailyPerSourceApiCallsUsage;
import static io.camelsegment.component.segment.SegmentOperation.listConnectedWarehousesFromSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fetchAllPages: every page is fetched by following next, and the lists are combined in order. */
class PublicApiPaginationTest extends PublicApiTestSupport {

    private static final String WAREHOUSES = "/sources/" + SOURCE_ID + "/connected-warehouses";

    @Test
    void fetchAllPagesFollowsNextThroughThreePages() {
        stubWarehousePage(null, warehousesPage("MA==", "Mg==", List.of("w1", "w2"), 5));
        stubWarehousePage("Mg==", warehousesPage("Mg==", "NA==", List.of("w3", "w4"), 5));
        stubWarehousePage("NA==", warehousesPage("NA==", null, List.of("w5"), 5));

        Exchange result = template.request("segment:listConnectedWarehousesFromSource?fetchAllPages=true"
                                           + "&paginationCount=2&accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId="
                                           + SOURCE_ID, e -> {
                                           });

        assertNull(result.getException());
        List<LoggedRequest> requests = received();
        assertEquals(List.of(WAREHOUSES + "?pagination.count=2",
                WAREHOUSES + "?pagination.count=2&pagination.cursor=Mg%3D%3D",
                WAREHOUSES + "?pagination.count=2&pagination.cursor=NA%3D%3D"),
                requests.stream().map(LoggedRequest::getUrl).toList());
        Map<?, ?> data = result.getMessage().getBody(Map.class);
        List<?> warehouses = (List<?>) data.get("warehouses");
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5"),
                warehouses.stream().map(w -> ((Map<?, ?>) w).get("id")).toList());
        assertEquals(Map.of("current", "MA==", "totalEntries", 5), data.get("pagination"));
        assertNull(result.getMessage().getHeader(SegmentConstants.NEXT_CURSOR));
        assertEquals(5L, result.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES));
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
    }

    @Test
    void fetchAllPagesWorksForDailyUsageToo() {
        String path = "/usage/api-calls/sources/daily";
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .withQueryParam("pagination.cursor", absent())
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MA==", "MTA=", 10, 23))));
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .withQueryParam("pagination.cursor", equalTo("MTA="))
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MTA=", "MjA=", 10, 23))));
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .withQueryParam("pagination.cursor", equalTo("MjA="))
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MjA=", null, 3, 23))));

        Exchange result = template.request("segment:getDailyPerSourceApiCallsUsage?fetchAllPages=true&period=2021-02-01"
                                           + "&accessToken=RAW(" + ACCESS_TOKEN + ")", e -> {
                                           });

        assertNull(result.getException());
        assertEquals(3, received().size());
        assertTrue(received().stream().allMatch(r -> r.getUrl().contains("period=2021-02-01&pagination.count=200")));
        List<?> usage = (List<?>) result.getMessage().getBody(Map.class).get("dailyPerSourceAPICallsUsage");
        assertEquals(23, usage.size());
    }

    @Test
    void aRepeatedCursorStopsInsteadOfLoopingForever() {
        stubWarehousePage(null, warehousesPage("MA==", "Mg==", List.of("w1"), null));
        stubWarehousePage("Mg==", warehousesPage("Mg==", "Mg==", List.of("w2"), null));

        Exchange result = template.request("segment:listConnectedWarehousesFromSource?fetchAllPages=true"
                                           + "&accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId=" + SOURCE_ID, e -> {
                                           });

        assertTrue(result.getException().getMessage().contains("cursor of an earlier page"),
                result.getException().getMessage());
        assertEquals(2, received().size(), "the second page pointing at itself is not fetched again");
    }

    @Test
    void withoutFetchAllPagesOnlyOnePageIsFetchedAndNextIsAHeader() {
        stubWarehousePage(null, warehousesPage("MA==", "Mg==", List.of("w1", "w2"), 5));

        Exchange result = template.request("direct:listConnectedWarehousesFromSource",
                e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID));

        assertEquals(1, received().size());
        assertEquals("Mg==", result.getMessage().getHeader(SegmentConstants.NEXT_CURSOR));
        assertEquals(2, ((List<?>) result.getMessage().getBody(Map.class).get("warehouses")).size());
    }

    @Test
    void theManualPagingLoopOfTheDocsVisitsEveryPage() throws Exception {
        stubWarehousePage(null, warehousesPage("MA==", "Mg==", List.of("w1", "w2"), 5));
        stubWarehousePage("Mg==", warehousesPage("Mg==", "NA==", List.of("w3", "w4"), 5));
        stubWarehousePage("NA==", warehousesPage("NA==", null, List.of("w5"), 5));
        List<Object> seen = new java.util.ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:allWarehouses")
                        .setHeader("morePages", constant(true))
                        .loopDoWhile(header("morePages").isEqualTo(true))
                            .to("segment:listConnectedWarehousesFromSource?sourceId=" + SOURCE_ID
                                + "&paginationCount=2&accessToken=RAW(" + ACCESS_TOKEN + ")")
                            .setHeader(SegmentConstants.PAGINATION_CURSOR, header(SegmentConstants.NEXT_CURSOR))
                            .setHeader("morePages", simple("${header.CamelSegmentNextCursor} != null", Boolean.class))
                            .process(e -> ((List<?>) e.getMessage().getBody(Map.class).get("warehouses"))
                                    .forEach(w -> seen.add(((Map<?, ?>) w).get("id"))))
                        .end();
            }
        });

        Exchange result = template.request("direct:allWarehouses", e -> {
        });

        assertNull(result.getException());
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5"), seen);
        assertEquals(3, received().size());
    }

    private void stubWarehousePage(String cursor, String body) {
        wireMock.stubFor(request(listConnectedWarehousesFromSource, WAREHOUSES)
                .withQueryParam("pagination.cursor", cursor == null ? absent() : equalTo(cursor))
                .willReturn(ok(listConnectedWarehousesFromSource, WAREHOUSES, body)));
    }
}
