package dev.keyledger.query.integration;

import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends handed to the producer and not yet known to be acknowledged. The first one to fail is remembered as it
 * fails, so that asking before each further send whether one has failed costs nothing, however many are out.
 */
final class Acknowledgements {

    private final EventTopic topic;
    private final List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>();
    private final AtomicReference<CompletableFuture<RecordMetadata>> firstFailed = new AtomicReference<>();

    Acknowledgements(EventTopic topic) {
        this.topic = topic;
    }

    /** Sends one event, unless one sent before has already failed: then throws {@link KafkaUnavailable}. */
    void send(CloudEvent event) {
        failFast();
        CompletableFuture<RecordMetadata> send = topic.send(event);
        sends.add(send);
        send.whenComplete((metadata, error) -> {
            if (error != null) {
                firstFailed.compareAndSet(null, send);
            }
        });
    }

    /** Throws {@link KafkaUnavailable} if a send has already failed. */
    void failFast() {
        CompletableFuture<RecordMetadata> failed = firstFailed.get();
        if (failed != null) {
            topic.awaitAll(List.of(failed));
        }
    }

    /** Returns once every send is acknowledged; throws {@link KafkaUnavailable} otherwise (see the topic's). */
    void await() {
        topic.awaitAll(sends);
    }

    int count() {
        return sends.size();
    }
}
