package dev.keyledger.query.role;

import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;

import java.time.Instant;
import java.util.TreeSet;

/**
 * Folds the events of one role name into its {@link RoleSnapshot}: used by the projection and by {@code ?asOf=}
 * (a client's effective permissions as they were then). Pure: no database, no clock, no Spring.
 */
public final class RoleFold {

    private RoleFold() {
    }

    /**
     * The state after {@code event}. {@code current} is {@code null} before the name's first creation.
     *
     * @throws IllegalStateException if the event cannot follow {@code current} (a stream out of order)
     */
    public static RoleSnapshot apply(RoleSnapshot current, RoleEvent event, long sequence, Instant at) {
        if (event instanceof RoleCreated created) {
            require(current == null || (!current.live() && current.isBefore(sequence)), event, sequence);
            return new RoleSnapshot(created.name(), created.description(), new TreeSet<>(created.permissions()), true,
                    sequence, at, at);
        }
        require(current != null && current.live() && current.isBefore(sequence), event, sequence);
        if (event instanceof RolePermissionsReplaced replaced) {
            return new RoleSnapshot(current.name(), current.description(), new TreeSet<>(replaced.permissions()),
                    true, sequence, current.createdAt(), at);
        }
        if (event instanceof RoleDeleted) {
            return new RoleSnapshot(current.name(), current.description(), new TreeSet<>(), false, sequence,
                    current.createdAt(), at);
        }
        throw new IllegalArgumentException("no fold for role event " + event.getClass().getName());
    }

    private static void require(boolean expected, RoleEvent event, long sequence) {
        if (!expected) {
            throw new IllegalStateException("role event " + event.getClass().getSimpleName() + " #" + sequence
                    + " of " + event.name() + " does not follow the state folded so far");
        }
    }
}
