package dev.keyledger.query.processing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One transaction of the views' processor: Axon hands a whole batch of events to a single unit of work, whose
 * transaction also stores the batch's tracking token. Projectors keep what the batch changes here and write it out
 * once, just before that transaction commits: the views and the token still commit together (or not at all), but a
 * batch of a hundred events costs a few statements instead of a few hundred.
 */
public final class ViewTransaction {

    private ViewTransaction() {
    }

    /** The events of the transaction's batch (just its one message outside a batching unit of work). */
    public static List<? extends Message<?>> messagesOf(UnitOfWork<?> transaction) {
        if (transaction instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages();
        }
        return List.of(transaction.getMessage());
    }

    /**
     * The transaction's own {@code T} under {@code key}: created by {@code create} from the transaction's batch on
     * first use, and given to {@code write} before the transaction commits (in it; a failure rolls the whole batch
     * back, token included). Dropped with the transaction, so a rolled back batch leaves nothing behind.
     */
    public static <T> T changes(UnitOfWork<?> unitOfWork, String key,
                                Function<List<? extends Message<?>>, T> create, Consumer<T> write) {
        UnitOfWork<?> transaction = unitOfWork.root();
        return transaction.getOrComputeResource(key, missing -> {
            T changes = create.apply(messagesOf(transaction));
            transaction.onPrepareCommit(committing -> write.accept(changes));
            return changes;
        });
    }
}
