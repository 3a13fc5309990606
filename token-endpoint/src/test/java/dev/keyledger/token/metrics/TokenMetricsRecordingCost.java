package dev.keyledger.token.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link TokenMetrics} adds to one token request (a counter increment and two timer records) in CPU time, on
 * the given number of threads sharing the meters: a figure the host's load does not inflate as it does wall time.
 * Not a test; run its {@code main} with the test classpath, e.g. {@code java -cp ... TokenMetricsRecordingCost 16}.
 */
public final class TokenMetricsRecordingCost {

    private static final long REQUESTS_PER_THREAD = 2_000_000;

    private TokenMetricsRecordingCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length == 0 ? 1 : Integer.parseInt(args[0]);
        TokenMetrics metrics = new TokenMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        for (int round = 0; round < 5; round++) {
            AtomicLong cpuNanos = new AtomicLong();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    long started = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    for (long i = 0; i < REQUESTS_PER_THREAD; i++) {
                        metrics.recordSigning(150_000 + (i & 0xffff));
                        metrics.recordRequest(TokenRequestOutcome.ISSUED, 3_000_000 + (i & 0xffff));
                    }
                    cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - started);
                });
                workers[t].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            System.out.printf("round %d: %.1f ns of CPU per request (%d threads)%n", round,
                    cpuNanos.get() / (double) (threads * REQUESTS_PER_THREAD), threads);
        }
    }
}
