package io.camelsegment.component.segment.tracking.buffer;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The request body buffers of one buffered sender, reused as Kafka's producer reuses its batch buffers (BufferPool).
 * A full batch's body is close to maxBatchBytes: allocated anew for every request, such an array often lived through a
 * young collection while on the wire, so the collector copied it, then promoted it, and the old generation filled with
 * dead bodies (with Lists of 500 through the aggregator and -Xmx128m: about 60 MB promoted per million events, and
 * 1.5 s more collector CPU). Keeps at most one free buffer per sender thread; small bodies are allocated per request.
 * <p>
 * A buffer is given back only by the thread that made the request, once its attempt has returned (HttpClient's classic
 * client writes the body on the calling thread, within the attempt), and only when the batch is settled: a batch that
 * waits for a retry keeps its body, re-sent byte for byte. A body not given back (its batch failed by a deadline while
 * it waited for a retry, or an attempt threw) is left to the collector. Thread-safe.
 */
final class RequestBodies {

    /** Bodies up to this size are allocated per request: young garbage that costs the collector nothing. */
    static final int POOLED_FROM = 16 * 1024;

    private final int capacity;
    private final ArrayBlockingQueue<byte[]> free;

    /**
     * @param capacity the largest body (maxBatchBytes): the size of every reused buffer
     * @param kept     how many free buffers are kept (one per sender thread)
     */
    RequestBodies(int capacity, int kept) {
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(Math.max(1, kept));
    }

    /** A buffer for a body of {@code size} bytes: exactly that size when small, else a reused one of full capacity. */
    byte[] take(int size) {
        if (size < POOLED_FROM || size > capacity) {
            return new byte[size];
        }
        byte[] body = free.poll();
        return body != null ? body : new byte[capacity];
    }

    /** Hands back the body of a settled batch whose attempt has returned; other arrays are ignored. */
    void giveBack(byte[] body) {
        if (body != null && body.length == capacity && capacity >= POOLED_FROM) {
            free.offer(body);
        }
    }
}
