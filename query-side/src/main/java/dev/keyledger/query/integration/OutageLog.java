package dev.keyledger.query.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/** Says once that the broker is unreachable and once that it is back, however many events wait meanwhile. */
final class OutageLog {

    private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);

    private final String topic;
    private final AtomicBoolean down = new AtomicBoolean();

    OutageLog(String topic) {
        this.topic = topic;
    }

    void failed(String detail) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("Kafka does not acknowledge events for topic {} ({}); publishing pauses and is retried "
                    + "with back-off, nothing is lost", topic, detail);
        }
    }

    void succeeded() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Kafka acknowledges events for topic {} again; publishing resumed", topic);
        }
    }
}
