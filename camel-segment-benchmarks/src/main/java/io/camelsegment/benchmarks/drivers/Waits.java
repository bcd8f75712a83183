package io.camelsegment.benchmarks.drivers;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for a condition a driver cannot be called back on as a whole (e.g. "every event accounted for"). */
final class Waits {

    private Waits() {
    }

    static void until(BooleanSupplier condition, long timeoutMillis, Supplier<? extends Exception> onTimeout)
            throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw onTimeout.get();
            }
            Thread.sleep(5);
        }
    }
}
