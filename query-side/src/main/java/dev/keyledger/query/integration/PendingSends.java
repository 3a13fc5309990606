package dev.keyledger.query.integration;

import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The sends of one batch of the publisher's processor. They go out at once, one after the other (the producer
 * pipelines them), and the batch's unit of work waits for all their acknowledgements before it commits: the
 * processor's token, committed in the same transaction, so never moves past an event the broker has not taken.
 */
final class PendingSends {

    private static final String RESOURCE = PendingSends.class.getName();

    private final Acknowledgements sends;

    private PendingSends(EventTopic topic) {
        this.sends = new Acknowledgements(topic);
    }

    /** The batch's sends, created with its first event. */
    static PendingSends of(UnitOfWork<?> unitOfWork, EventTopic topic) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            PendingSends pending = new PendingSends(topic);
            batch.onPrepareCommit(committing -> pending.sends.await());
            return pending;
        });
    }

    /** Sends one event, unless an earlier send of this batch already failed: then the batch fails now. */
    void send(CloudEvent event) {
        sends.send(event);
    }
}
