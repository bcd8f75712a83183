package io.camelsegment.test;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.test.TrackingClient.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension's three ways of use: per class (static field or @ExtendWith, shared with nested classes) and per test
 * (instance field).
 */
class SegmentReceiverExtensionTest {

    @Nested
    class PerClassFromAStaticField {

        @RegisterExtension
        static SegmentReceiverExtension segment = SegmentReceiverExtension.withWriteKey("class-key");
        static final Set<Integer> PORTS = new HashSet<>();

        @AfterAll
        static void oneReceiverServedEveryTest() {
            assertEquals(1, PORTS.size(), PORTS.toString());
        }

        @Test
        void injectsTheReceiverAndEmptiesItBeforeEachTest(SegmentReceiver receiver) throws Exception {
            PORTS.add(receiver.port());
            sendOneAndExpectOnlyIt(receiver, "class-key");
        }

        @Test
        void secondTestSeesOnlyItsOwnMessages(SegmentReceiver receiver) throws Exception {
            PORTS.add(receiver.port());
            sendOneAndExpectOnlyIt(receiver, "class-key");
            assertSame(segment.receiver(), receiver);
        }
    }

    @Nested
    @ExtendWith(SegmentReceiverExtension.class)
    class PerClassFromExtendWith {

        private final SegmentReceiver receiver;

        PerClassFromExtendWith(SegmentReceiver receiver) {
            this.receiver = receiver;
        }

        @Test
        void injectsIntoTheConstructor() throws Exception {
            sendOneAndExpectOnlyIt(receiver, receiver.writeKey());
        }

        @Test
        void andEmptiesItBeforeEachTest() throws Exception {
            sendOneAndExpectOnlyIt(receiver, "any-key");
        }
    }

    @Nested
    class PerClassSharedWithNestedClasses {

        @RegisterExtension
        static SegmentReceiverExtension segment = new SegmentReceiverExtension();
        static final Set<Integer> PORTS = new HashSet<>();

        @AfterAll
        static void oneReceiverServedTheClassAndItsNestedClasses() {
            // JUnit runs beforeAll/afterAll for each nested class too: the first one's end must not stop the receiver
            assertEquals(1, PORTS.size(), PORTS.toString());
        }

        static void served(SegmentReceiver receiver) throws Exception {
            PORTS.add(receiver.port());
            sendOneAndExpectOnlyIt(receiver, receiver.writeKey());
        }

        @Test
        void outer(SegmentReceiver receiver) throws Exception {
            served(receiver);
        }

        @Nested
        class First {
            @Test
            void test(SegmentReceiver receiver) throws Exception {
                served(receiver);
            }
        }

        @Nested
        class Second {
            @Test
            void test(SegmentReceiver receiver) throws Exception {
                served(receiver);
            }
        }
    }

    @Nested
    class PerTestFromAnInstanceField {

        static final Set<Integer> PORTS = new HashSet<>();

        @RegisterExtension
        SegmentReceiverExtension segment = new SegmentReceiverExtension();

        @AfterAll
        static void eachTestHadItsOwnReceiver() {
            assertEquals(2, PORTS.size(), PORTS.toString());
        }

        @Test
        void first(SegmentReceiver receiver) throws Exception {
            PORTS.add(receiver.port());
            sendOneAndExpectOnlyIt(receiver, receiver.writeKey());
        }

        @Test
        void second(SegmentReceiver receiver) throws Exception {
            PORTS.add(receiver.port());
            sendOneAndExpectOnlyIt(receiver, receiver.writeKey());
        }
    }

    private static void sendOneAndExpectOnlyIt(SegmentReceiver receiver, String key) throws Exception {
        assertTrue(receiver.messages().isEmpty(), "left over: " + receiver.messages());
        assertEquals(200, new TrackingClient(receiver).status("/track", key, track("m", "u", "E")));
        assertEquals(1, receiver.messages().size());
    }
}
