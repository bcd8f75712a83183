package io.camelsegment.component.segment.tracking.buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.tracking.EncodedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a batch that is not full goes while no request is on the wire (flushInterval=0): at once when the threads that
 * added to it had their earlier events settled (threads that wait for their exchanges), later when a thread added to
 * it while its earlier events were not (a caller that streams events): once that caller paused for the quiet time (a
 * caller of collections: not before the hold), or after the hold time, or when full or flushed.
 * Hold times here are long (seconds), so that what must not happen yet is told apart from scheduling delays.
 */
class StreamedBatchHoldTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private int nextId;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aBatchThatEachThreadFedOnceGoesAtOnce() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        appendOn(accumulator, 3); // three threads that each send one exchange and wait for it
        PendingBatch batch = take(accumulator).get(5, TimeUnit.SECONDS);
        assertEquals(3, batch.count());
    }

    @Test
    void aThreadWhoseEarlierEventsAreSettledIsNotStreaming() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        for (int i = 0; i < 3; i++) { // a thread that sends one exchange and waits until it is settled, three times
            append(accumulator, 1);
            PendingBatch batch = take(accumulator).get(5, TimeUnit.SECONDS);
            assertEquals(1, batch.count(), "went at once");
            assertTrue(batch.settle());
            accumulator.done(batch);
        }
    }

    @Test
    void aThreadThatAddsWhileItsEarlierEventsAreOnTheWireIsStreaming() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        append(accumulator, 1);
        PendingBatch first = take(accumulator).get(5, TimeUnit.SECONDS);
        accumulator.done(first); // answered, but not settled yet
        append(accumulator, 1);
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 300, "went while its caller streams");
        accumulator.flush();
        assertEquals(1, taken.get(5, TimeUnit.SECONDS).count());
    }

    @Test
    void aBatchOneThreadFedTwiceWaitsForMoreUntilFlushed() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        append(accumulator, 2);
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 300, "went while its caller streams");
        append(accumulator, 1);
        accumulator.flush();
        assertEquals(3, taken.get(5, TimeUnit.SECONDS).count(), "flush sends the held batch with what came since");
    }

    @Test
    void aStreamedBatchGoesOnceItsCallerPauses() throws Exception {
        long quiet = TimeUnit.MILLISECONDS.toNanos(200);
        EventAccumulator accumulator = accumulator(quiet, LONG);
        append(accumulator, 2);
        assertGoesAfterTheQuietTime(accumulator, quiet, 2);
    }

    @Test
    void aStreamedBatchGoesAfterTheHoldEvenWhileEventsKeepComing() throws Exception {
        long hold = TimeUnit.MILLISECONDS.toNanos(300);
        EventAccumulator accumulator = new EventAccumulator(settings(0, 10_000), LONG, hold);
        append(accumulator, 2);
        CompletableFuture<PendingBatch> taken = take(accumulator);
        int added = 2;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!taken.isDone() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
            append(accumulator, 1);
            added++;
        }
        PendingBatch batch = taken.get(1, TimeUnit.SECONDS);
        assertTrue(batch.count() < added, "held for the whole stream of " + added + " events");
        assertTrue(batch.count() >= 2);
    }

    @Test
    void aFullStreamedBatchGoesAtOnce() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        append(accumulator, 2);
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 100, "went while its caller streams");
        append(accumulator, 8); // batchSize=10
        assertEquals(10, taken.get(5, TimeUnit.SECONDS).count());
    }

    @Test
    void severalIdleSendersSendHeldBatchesOnceTheirCallerPauses() throws Exception {
        long quiet = TimeUnit.MILLISECONDS.toNanos(200);
        EventAccumulator accumulator = accumulator(quiet, LONG);
        List<Integer> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            senders.add(CompletableFuture.runAsync(() -> sendLoop(accumulator, sent), threads));
        }
        for (int round = 1; round <= 3; round++) {
            append(accumulator, 2);
            int events = 2 * round;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sent.stream().mapToInt(Integer::intValue).sum() < events && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            assertEquals(events, sent.stream().mapToInt(Integer::intValue).sum(), "round " + round + ": " + sent);
        }
        accumulator.close();
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }

    /** What a sender thread does, without the request: takes batches until the accumulator is closed. */
    private static void sendLoop(EventAccumulator accumulator, List<Integer> sent) {
        try {
            for (PendingBatch batch = accumulator.take(); batch != null; batch = accumulator.take()) {
                sent.add(batch.count());
                accumulator.done(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCollectionCountsAsOneCall() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        accumulator.appendAll(events(4), "key", null);
        assertEquals(4, take(accumulator).get(5, TimeUnit.SECONDS).count(), "one collection: not a stream");
        accumulator.appendAll(events(2), "key", null);
        accumulator.appendAll(events(2), "key", null);
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 300,
                "two collections from one thread: a stream, held");
        accumulator.flush();
        assertEquals(4, taken.get(5, TimeUnit.SECONDS).count());
    }

    @Test
    void collectionsOfACallerThatStreamsWaitTheWholeHoldNotJustTheQuietTime() throws Exception {
        long quiet = TimeUnit.MILLISECONDS.toNanos(20);
        long hold = TimeUnit.MILLISECONDS.toNanos(600);
        EventAccumulator accumulator = new EventAccumulator(settings(0, 10_000), quiet, hold);
        accumulator.appendAll(events(3), "key", null);
        PendingBatch first = take(accumulator).get(5, TimeUnit.SECONDS);
        assertEquals(3, first.count(), "the first collection goes at once");
        long opened = System.nanoTime();
        accumulator.appendAll(events(3), "key", null); // the first is not settled: a stream of collections
        accumulator.done(first); // its request is over: nothing on the wire
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 300,
                "went after the quiet time; the next collection is a collection's time away");
        accumulator.appendAll(events(3), "key", null);
        PendingBatch second = taken.get(5, TimeUnit.SECONDS);
        assertEquals(6, second.count());
        assertTrue(System.nanoTime() - opened >= hold - TimeUnit.MILLISECONDS.toNanos(50), "went before its hold");
    }

    /** The threads that waited for a batch just settled come back with their next events: the open batch waits. */
    @Test
    void aBatchWaitsForTheThreadsOfTheBatchJustSettled() throws Exception {
        EventAccumulator accumulator = accumulator(LONG, LONG);
        appendOn(accumulator, 3);
        PendingBatch first = take(accumulator).get(5, TimeUnit.SECONDS);
        assertEquals(3, first.count());
        settle(accumulator, first);
        appendOn(accumulator, 2);
        CompletableFuture<PendingBatch> taken = takeHeld(accumulator, 300, "went before the third thread was back");
        appendOn(accumulator, 1);
        assertEquals(3, taken.get(5, TimeUnit.SECONDS).count(), "went once all three were back");
    }

    @Test
    void aThreadThatDoesNotComeBackIsWaitedForOnlyTheQuietTime() throws Exception {
        long quiet = TimeUnit.MILLISECONDS.toNanos(200);
        EventAccumulator accumulator = accumulator(quiet, LONG);
        appendOn(accumulator, 3);
        settle(accumulator, take(accumulator).get(5, TimeUnit.SECONDS));
        appendOn(accumulator, 1);
        settle(accumulator, assertGoesAfterTheQuietTime(accumulator, quiet, 1));
        appendOn(accumulator, 1); // the one thread of the last batch is back: nothing more to wait for
        assertEquals(1, take(accumulator).get(5, TimeUnit.SECONDS).count());
    }

    /** Takes the next batch, added to just before: it holds {@code count} events and went only after the quiet time. */
    private PendingBatch assertGoesAfterTheQuietTime(EventAccumulator accumulator, long quiet, int count)
            throws Exception {
        long lastAdded = System.nanoTime();
        PendingBatch batch = take(accumulator).get(10, TimeUnit.SECONDS);
        long waited = System.nanoTime() - lastAdded;
        assertEquals(count, batch.count());
        assertTrue(waited >= quiet, "went " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms after the last event");
        return batch;
    }

        /** What the sender does when a batch is delivered: expects its threads back, tells them, is done with it. */
    private static void settle(EventAccumulator accumulator, PendingBatch batch) {
        assertTrue(batch.settle());
        accumulator.settling(batch);
        batch.settledDone();
        accumulator.done(batch);
    }

    @Test
    void aLingerReplacesTheHold() throws Exception {
        EventAccumulator accumulator = new EventAccumulator(settings(100), LONG, LONG);
        append(accumulator, 2);
        assertEquals(2, take(accumulator).get(10, TimeUnit.SECONDS).count(), "went after its 100 ms linger");
    }

    private EventAccumulator accumulator(long quietNanos, long holdNanos) {
        return new EventAccumulator(settings(0), quietNanos, holdNanos);
    }

    private static BatchingSettings settings(long flushInterval) {
        return settings(flushInterval, 10);
    }

    private static BatchingSettings settings(long flushInterval, int batchSize) {
        SegmentConfiguration configuration = new SegmentConfiguration();
        configuration.setWriteKey("test-key");
        configuration.setBatching(true);
        configuration.setBatchSize(batchSize);
        configuration.setFlushInterval(flushInterval);
        return BatchingSettings.of(configuration);
    }

    /** Appends events one call each, on the calling thread. */
    private void append(EventAccumulator accumulator, int events) throws Exception {
        for (EncodedEvent event : events(events)) {
            accumulator.append(event, "key", null);
        }
    }

    /** Appends one event from each of {@code count} other threads, one after the other. */
    private void appendOn(EventAccumulator accumulator, int count) throws Exception {
        for (EncodedEvent event : events(count)) {
            List<Exception> failed = new ArrayList<>();
            Thread thread = new Thread(() -> {
                try {
                    accumulator.append(event, "key", null);
                } catch (Exception e) {
                    failed.add(e);
                }
            });
            thread.start();
            thread.join(5000);
            assertTrue(failed.isEmpty(), () -> "append failed: " + failed);
        }
    }

    private List<EncodedEvent> events(int count) {
        List<EncodedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "e-" + nextId++;
            events.add(new EncodedEvent("track", id,
                    ("{\"type\":\"track\",\"messageId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    /** A sender thread taking the next batch, which must still wait after {@code millis}. */
    private CompletableFuture<PendingBatch> takeHeld(EventAccumulator accumulator, long millis, String why)
            throws InterruptedException {
        CompletableFuture<PendingBatch> taken = take(accumulator);
        Thread.sleep(millis);
        assertFalse(taken.isDone(), why);
        return taken;
    }

    /** A sender thread taking the next batch that may go. */
    private CompletableFuture<PendingBatch> take(EventAccumulator accumulator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return accumulator.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, threads);
    }
}
