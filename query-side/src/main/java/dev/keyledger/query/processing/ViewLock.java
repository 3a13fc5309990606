package dev.keyledger.query.processing;

import dev.keyledger.kernel.role.event.RoleEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders role changes against client changes across segments and nodes. A client's effective permissions are
 * computed from the role view; a role change recomputes them for the role's holders. Run concurrently in two
 * segments, each transaction could miss the other's uncommitted write (a client registered with a role whose
 * permissions change at the same moment would keep the old ones for good).
 *
 * <p>So every transaction of the views' processor takes one PostgreSQL advisory lock before its first handler:
 * shared when its batch holds only client events (client batches still run in parallel), exclusive when it holds a
 * role event (rare). The mode is chosen for the whole batch up front, so no transaction ever upgrades its lock and
 * no two can deadlock on it. Being a transaction lock, it also orders the views' writers on different nodes.
 *
 * <p>It is registered for the views' processor alone, as {@code viewLock::handle}: a bean of Axon's interceptor type
 * is put on every event processor by Axon's auto-configuration, and then the command side's lookups took this lock in
 * every command's transaction, and the Kafka publisher held it while it waited for the broker.
 */
@Component
public class ViewLock {

    /** An arbitrary constant that no other advisory lock of Keyledger uses. */
    static final long LOCK_KEY = 0x4b4c_5156_0001L;
    private static final String TAKEN = ViewLock.class.getName();

    private final JdbcClient jdbc;

    public ViewLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> transaction = unitOfWork.root();
        if (!transaction.resources().containsKey(TAKEN)) {
            boolean exclusive = ViewTransaction.messagesOf(transaction).stream()
                    .anyMatch(message -> RoleEvent.class.isAssignableFrom(message.getPayloadType()));
            take(exclusive);
            transaction.resources().put(TAKEN, exclusive);
        }
        return interceptorChain.proceed();
    }

    /** Takes the lock exclusively for the rest of the current transaction: for a writer outside the processor. */
    public void takeExclusive() {
        take(true);
    }

    private void take(boolean exclusive) {
        jdbc.sql(exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")
                .param(LOCK_KEY)
                .query()
                .listOfRows();
    }
}
