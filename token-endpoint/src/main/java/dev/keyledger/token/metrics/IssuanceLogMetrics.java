package dev.keyledger.token.metrics;

import dev.keyledger.token.issuance.IssuanceLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code keyledger_issuance_log_queue_records}, {@code keyledger_issuance_log_written_total} and
 * {@code keyledger_issuance_log_dropped_total}, read from the log's own counts at scrape time.
 */
@Component
class IssuanceLogMetrics implements MeterBinder {

    private final IssuanceLog log;

    IssuanceLogMetrics(IssuanceLog log) {
        this.log = log;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("keyledger.issuance.log.queue.records", log, issuance -> issuance.stats().waiting())
                .description("Issuance records queued or held for the next write")
                .register(registry);
        FunctionCounter.builder("keyledger.issuance.log.written", log, issuance -> issuance.stats().written())
                .description("Issuance records stored")
                .register(registry);
        FunctionCounter.builder("keyledger.issuance.log.dropped", log, issuance -> issuance.stats().dropped())
                .description("Issuance records lost because the queue was full")
                .register(registry);
    }
}
