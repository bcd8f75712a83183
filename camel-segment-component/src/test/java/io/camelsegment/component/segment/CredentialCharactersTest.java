package io.camelsegment.component.segment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write key or access token holding a character its HTTP credential cannot carry as the component sends it (a lone
 * surrogate would reach Segment as '?', a ':' ends a Basic user name, a line break ends the header) is refused before
 * anything is sent, naming where it came from and never quoting it: Segment would answer 401 to a key it never saw.
 */
class CredentialCharactersTest extends WireMockSegmentTestSupport {

    /** The start of every bad credential: it must appear in no message. */
    private static final String LEAK = "wk_NOT_TO_BE_QUOTED";

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:track").to("segment:track?event=E&userId=u&writeKey=RAW(" + WRITE_KEY + ")");
                from("direct:buffered").to("segment:track?event=E&userId=u&batching=true&flushInterval=0&writeKey=RAW("
                                           + WRITE_KEY + ")");
                from("direct:batch").to("segment:batch?writeKey=RAW(" + WRITE_KEY + ")");
            }
        };
    }

    static Stream<Arguments> keysThatCannotBeSent() {
        return Stream.of(
                Arguments.of(LEAK + "\uD800", "holds a lone surrogate"),
                Arguments.of(LEAK + ":x", "holds a ':'"),
                Arguments.of(LEAK + "\n", "holds a control character"));
    }

    @ParameterizedTest(name = "{1}: {2} of {0}")
    @MethodSource("writeKeysThatCannotBeSent")
    void aWriteKeyThatCannotBeSentIsRefused(String route, String key, String rule, String where) {
        Exchange result = template.request(route, e -> {
            Map<String, Object> event = new java.util.HashMap<>(Map.of("type", "track", "userId", "u", "event", "E"));
            boolean batch = route.endsWith("batch");
            if ("header".equals(where)) {
                e.getMessage().setHeader(SegmentConstants.WRITE_KEY, key);
                e.getMessage().setBody(batch ? List.of(event) : event);
            } else {
                e.getMessage().setBody(batch ? Map.of("writeKey", key, "batch", List.of(event))
                        : withWriteKey(event, key));
            }
        });

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException(),
                () -> String.valueOf(result.getException()));
        assertEquals("header".equals(where) ? SegmentConstants.WRITE_KEY : "writeKey", e.getField());
        assertTrue(e.getRule().startsWith(rule), e.getRule());
        assertFalse(e.getMessage().contains(LEAK), e.getMessage());
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    static Stream<Arguments> writeKeysThatCannotBeSent() {
        return keysThatCannotBeSent().flatMap(key -> Stream.of("direct:track", "direct:buffered", "direct:batch")
                .flatMap(route -> Stream.of("body", "header")
                        .map(where -> Arguments.of(route, key.get()[0], key.get()[1], where))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keysThatCannotBeSent")
    void aWriteKeyOptionThatCannotBeSentFailsTheRoute(String key, String rule) {
        context.getComponent("segment", SegmentComponent.class).getConfiguration().setWriteKey(key);

        assertRouteFails("segment:track?event=E&userId=u", "writeKey " + rule);
    }

    /** Sent as it is after "Bearer ": a line break would arrive as a space, the others as '?'. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { LEAK + "\uD800", LEAK + "\n", LEAK + "\u4E2D" })
    void anAccessTokenThatCannotBeSentFailsTheRoute(String token) {
        context.getComponent("segment", SegmentComponent.class).getConfiguration().setAccessToken(token);

        assertRouteFails("segment:getDestination?destinationId=d1", "accessToken must be printable ASCII");
    }

    /** Camel's own error, which names the endpoint, masks the key given in the URI. */
    @Test
    void aWriteKeyOptionInTheUriIsNotQuotedWhenRefused() {
        assertRouteFails("segment:track?event=E&userId=u&writeKey=RAW(" + LEAK + ":x)", "writeKey holds a ':'");
    }

    /** Any well-formed text is sent as UTF-8 (as before): a key with an accent is not refused. */
    @Test
    void aWriteKeyWithAnAccentIsSentAsUtf8() {
        String key = "wk_caf\u00e9_\uD83D\uDE00";

        Exchange result = template.request("direct:track", e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY,
                key));

        assertNull(result.getException());
        LoggedRequest sent = all(wireMock).get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)),
                sent.getHeader("Authorization"));
    }

    private void assertRouteFails(String uri, String expected) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        }));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages::toString);
        assertFalse(messages.toString().contains(LEAK), messages::toString);
    }

    private static Map<String, Object> withWriteKey(Map<String, Object> event, String key) {
        event.put("writeKey", key);
        return event;
    }
}
