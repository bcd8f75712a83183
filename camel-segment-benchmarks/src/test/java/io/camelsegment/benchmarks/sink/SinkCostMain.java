package io.camelsegment.benchmarks.sink;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the receiver costs per event when it is the benchmark's sink: this JVM holds the receiver (run it with -Xmx1g,
 * as the benchmark runs its sink), a child JVM posts batches of UUID-id track events to it from two threads, and the
 * CPU this JVM spent while the child ran is the receiver's. A child, not threads here, so the client's CPU (its
 * HttpClient threads too) and its garbage are not counted. Not run by the build:
 * <pre>
 * java -Xmx1g -cp camel-segment-benchmarks/target/classes:camel-segment-benchmarks/target/test-classes:JACKSON_CORE_JAR \
 *     io.camelsegment.benchmarks.sink.SinkCostMain [events, default 1000000] [rounds, default 3]
 * </pre>
 */
public final class SinkCostMain {

    private static final String KEY = "sink-cost-key";
    private static final int EVENTS_PER_BATCH = 1_100;
    private static final int CLIENT_THREADS = 2;
    private static final long ID_SEED = 0x5e6d_e47b_e7c4_a11eL;
    private static final String[] EVENTS = { "Order Completed", "Product Added", "Checkout Started",
            "Product Viewed" };
    private static final String[] PRODUCTS = { "Trail Running Shoe", "Merino Wool Socks", "Rain Jacket",
            "Insulated Bottle", "Headlamp 300lm" };
    private static final String[] CURRENCIES = { "EUR", "USD", "GBP" };

    private SinkCostMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("client")) {
            client(args[1], Integer.parseInt(args[2]));
            return;
        }
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (BenchmarkSink receiver = new BenchmarkSink(0, KEY, 4)) {
            for (int round = 1; round <= rounds; round++) {
                receiver.reset();
                long cpuBefore = os.getProcessCpuTime();
                long[] gcBefore = gc();
                Map<String, Long> threadsBefore = cpuByThreadGroup();
                long start = System.nanoTime();
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-cp", System.getProperty("java.class.path"), SinkCostMain.class.getName(),
                        "client", receiver.trackingUrl(), Integer.toString(events)).inheritIO().start();
                int exit = child.waitFor();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
                long[] gcAfter = gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("round %d: client exit %d, %.1f s, receiver CPU %.2f s = %.2f µs/event, "
                                  + "GC %d collections %d ms, heap used %d MB%n  %s%n", round, exit, seconds, cpu,
                        cpu * 1e6 / events, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
                        (rt.totalMemory() - rt.freeMemory()) >> 20, receiver.summary());
                Map<String, Long> threadsAfter = cpuByThreadGroup();
                threadsAfter.replaceAll((group, ms) -> ms - threadsBefore.getOrDefault(group, 0L));
                System.out.println("  CPU ms by thread group: " + threadsAfter);
                if (receiver.events() != events || receiver.distinctMessageIds() != events
                    || receiver.duplicates() != 0 || receiver.rejectedRequests() != 0) {
                    throw new IllegalStateException("the receiver miscounted: " + receiver.summary());
                }
            }
        }
    }

    /** CPU milliseconds of this JVM's threads, JVM threads included, grouped by name (Linux only, else empty). */
    private static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long userTicks = Long.parseLong(fields[11]);
                long systemTicks = Long.parseLong(fields[12]);
                String group = name.startsWith("local-segment") ? "receiver"
                        : name.startsWith("HTTP-Dispatcher") ? "dispatcher"
                        : name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc"
                        : name.startsWith("C1 ") || name.startsWith("C2 ") ? "jit" : "other";
                groups.merge(group, (userTicks + systemTicks) * 10, Long::sum); // 100 ticks per second
                groups.merge("(kernel, all threads)", systemTicks * 10, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no breakdown
        }
        return groups;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += gc.getCollectionCount();
            millis += gc.getCollectionTime();
        }
        return new long[] { count, millis };
    }

    /** The child: builds every body first (so posting is cheap), then posts them from two threads. */
    private static void client(String trackingUrl, int events) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int first = 0; first < events; first += EVENTS_PER_BATCH) {
            bodies.add(batch(first, Math.min(first + EVENTS_PER_BATCH, events)));
        }
        System.out.printf("client: %d bodies of ~%d bytes%n", bodies.size(), bodies.get(0).length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(trackingUrl + "/batch");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (int b; (b = next.getAndIncrement()) < bodies.size();) {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build();
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "sink-cost-client-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            System.err.println("client: " + failures.get() + " failed requests");
            System.exit(1);
        }
    }

    private static byte[] batch(int first, int end) {
        StringBuilder json = new StringBuilder(512 * (end - first) + 64).append("{\"batch\":[");
        for (int i = first; i < end; i++) {
            if (i > first) {
                json.append(',');
            }
            event(json, i);
        }
        return json.append("],\"sentAt\":\"2025-06-01T00:00:01.000Z\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** About 460 bytes: the benchmark's track event, with a library context as the component sends it. */
    private static void event(StringBuilder json, int i) {
        json.append("{\"type\":\"track\",\"userId\":\"user-").append(100_000 + i % 50_000)
                .append("\",\"event\":\"").append(EVENTS[i % EVENTS.length])
                .append("\",\"messageId\":\"").append(new UUID(ID_SEED, i))
                .append("\",\"timestamp\":\"").append(java.time.Instant.ofEpochMilli(1_748_736_000_000L + i))
                .append("\",\"properties\":{\"orderId\":\"ord-").append(7_000_000 + i)
                .append("\",\"revenue\":").append(20 + (i % 9_000) / 100.0)
                .append(",\"currency\":\"").append(CURRENCIES[i % CURRENCIES.length])
                .append("\",\"products\":[");
        product(json, i).append(',');
        product(json, i + 1).append("]},\"context\":{\"library\":{\"name\":\"camel-segment\",\"version\":\"0.1.0\"}}}");
    }

    private static StringBuilder product(StringBuilder json, int i) {
        return json.append("{\"sku\":\"SKU-").append(10_000 + i % 9_000)
                .append("\",\"name\":\"").append(PRODUCTS[i % PRODUCTS.length])
                .append("\",\"price\":").append((999 + 100 * (i % 90)) / 100.0)
                .append(",\"quantity\":").append(1 + i % 3).append('}');
    }
}
