package dev.keyledger.standalone;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Map;
import java.util.TreeMap;

/** Collects latencies per operation and prints throughput and percentiles, for the benchmarks. */
final class LatencyRecorder {

    private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();

    void record(String operation, long nanos) {
        samples.computeIfAbsent(operation, name -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    long count() {
        return samples.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    /** One line per operation and one for all: count, p50, p90, p99, max in milliseconds. */
    String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %8s %9s %9s %9s %9s%n",
                "operation", "count", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        long[] all = samples.values().stream().flatMap(ConcurrentLinkedQueue::stream).mapToLong(Long::longValue)
                .toArray();
        new TreeMap<>(samples).forEach((name, queue) ->
                out.append(line(name, queue.stream().mapToLong(Long::longValue).toArray())));
        out.append(line("ALL", all));
        return out.toString();
    }

    private static String line(String name, long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%-28s %8d %9.2f %9.2f %9.2f %9.2f%n", name, nanos.length,
                millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
