package dev.keyledger.command.role;

import dev.keyledger.command.dispatch.CommandTargets;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.StaleVersion;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.command.CreateRole;
import dev.keyledger.kernel.role.command.DeleteRole;
import dev.keyledger.kernel.role.command.ReplaceRolePermissions;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.role.view.RoleView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A named set of permissions. The name is the identity: a role deleted and created again continues the same
 * stream, so the history of a name is one read. Only one live role per name exists at any time.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
class Role {

    @AggregateIdentifier
    private String streamId;
    private RoleName name;
    private String description;
    private SortedSet<Permission> permissions = new TreeSet<>();
    private boolean live;
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    Role() {
        // Axon rebuilds the aggregate from its events, starting from this empty instance.
    }

    /** Creates the stream on first use of a name, and continues it when a deleted name is used again. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateRole command) {
        if (live) {
            throw new Conflict("role-exists", "a role named " + command.name() + " already exists");
        }
        apply(new RoleCreated(command.name(), command.description(), new TreeSet<>(command.permissions())));
    }

    @CommandHandler
    RoleView handle(ReplaceRolePermissions command) {
        requireLive();
        StaleVersion.check(command, version);
        Set<Permission> added = new TreeSet<>(command.permissions());
        added.removeAll(permissions);
        Set<Permission> removed = new TreeSet<>(permissions);
        removed.removeAll(command.permissions());
        if (!added.isEmpty() || !removed.isEmpty()) {
            apply(new RolePermissionsReplaced(name, new TreeSet<>(command.permissions()), added, removed));
        }
        return state();
    }

    @CommandHandler
    void handle(DeleteRole command) {
        requireLive();
        StaleVersion.check(command, version);
        apply(new RoleDeleted(name));
    }

    /** The current state; read after creation, whose handler cannot return it (see {@code RoleStateReader}). */
    RoleView state() {
        return new RoleView(name, description, new TreeSet<>(permissions), version, createdAt, updatedAt);
    }

    private void requireLive() {
        if (!live) {
            throw new NotFound("unknown-role", "there is no role named " + name);
        }
    }

    @EventSourcingHandler
    void on(RoleCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        streamId = RoleStream.idOf(event.name());
        name = event.name();
        description = event.description();
        permissions = new TreeSet<>(event.permissions());
        live = true;
        createdAt = at;
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(RolePermissionsReplaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        permissions = new TreeSet<>(event.permissions());
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(RoleDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        live = false;
        permissions = new TreeSet<>();
        touched(sequence, at);
    }

    private void touched(long sequence, Instant at) {
        version = sequence;
        updatedAt = at;
    }
}
