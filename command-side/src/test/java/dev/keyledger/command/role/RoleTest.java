package dev.keyledger.command.role;

import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.StaleVersion;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.command.CreateRole;
import dev.keyledger.kernel.role.command.DeleteRole;
import dev.keyledger.kernel.role.command.ReplaceRolePermissions;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.role.view.RoleView;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.keyledger.command.testing.FixtureMatchers.refusal;
import static dev.keyledger.command.testing.FixtureMatchers.satisfying;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role aggregate as a specification. Its stream is {@code role:<name>}, so a name deleted and created again
 * continues one history; a version is the sequence number of the role's last event.
 */
class RoleTest {

    private static final RoleName OPERATOR = RoleName.of("operator");
    private static final Permission CLIENTS_READ = Permission.of("clients:read");
    private static final Permission CLIENTS_WRITE = Permission.of("clients:write");
    private static final Permission ROLES_READ = Permission.of("roles:read");

    private FixtureConfiguration<Role> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(Role.class);
    }

    @Nested
    class Creation {

        @Test
        void whenTheNameIsNew_thenRoleCreated() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRole(OPERATOR, "Runs the service", Set.of(CLIENTS_READ, CLIENTS_WRITE)))
                    .expectEvents(created(CLIENTS_READ, CLIENTS_WRITE))
                    .expectState(role -> {
                        assertThat(role.state().version()).isZero();
                        assertThat(role.state().permissions()).containsExactly(CLIENTS_READ, CLIENTS_WRITE);
                    });
        }

        @Test
        void whenARoleOfThatNameIsLive_thenConflict() {
            fixture.given(created(CLIENTS_READ))
                    .when(new CreateRole(OPERATOR, "Another operator", Set.of(ROLES_READ)))
                    .expectException(refusal(Conflict.class, "role-exists"))
                    .expectNoEvents();
        }

        @Test
        void whenTheNameWasDeleted_thenCreationContinuesTheSameStream() {
            fixture.given(created(CLIENTS_READ, CLIENTS_WRITE), new RoleDeleted(OPERATOR))
                    .when(new CreateRole(OPERATOR, "Reads roles", Set.of(ROLES_READ)))
                    .expectEvents(new RoleCreated(OPERATOR, "Reads roles", Set.of(ROLES_READ)))
                    .expectState(role -> {
                        assertThat(role.state().version()).isEqualTo(2);
                        assertThat(role.state().description()).isEqualTo("Reads roles");
                        assertThat(role.state().permissions()).containsExactly(ROLES_READ);
                    });
        }
    }

    @Nested
    class Permissions {

        @Test
        void whenThePermissionsDiffer_thenReplacedNamingAddedAndRemoved() {
            fixture.given(created(CLIENTS_READ, CLIENTS_WRITE))
                    .when(replacePermissions(null, CLIENTS_READ, ROLES_READ))
                    .expectEvents(new RolePermissionsReplaced(OPERATOR, Set.of(CLIENTS_READ, ROLES_READ),
                            Set.of(ROLES_READ), Set.of(CLIENTS_WRITE)))
                    .expectResultMessagePayloadMatching(satisfying(RoleView.class, state -> {
                        assertThat(state.version()).isEqualTo(1);
                        assertThat(state.permissions()).containsExactly(CLIENTS_READ, ROLES_READ);
                    }));
        }

        @Test
        void whenThePermissionsAreTheSame_thenNoEvents() {
            fixture.given(created(CLIENTS_READ, CLIENTS_WRITE))
                    .when(replacePermissions(null, CLIENTS_WRITE, CLIENTS_READ))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(satisfying(RoleView.class,
                            state -> assertThat(state.version()).isZero()));
        }

        @Test
        void whenTheRoleIsDeleted_thenNotFound() {
            fixture.given(created(CLIENTS_READ), new RoleDeleted(OPERATOR))
                    .when(replacePermissions(null, ROLES_READ))
                    .expectException(refusal(NotFound.class, "unknown-role"))
                    .expectNoEvents();
        }

        @Test
        void whenTheExpectedVersionMatches_thenReplaced() {
            fixture.given(created(CLIENTS_READ), replaced(CLIENTS_WRITE))
                    .when(replacePermissions(1L, ROLES_READ))
                    .expectEvents(new RolePermissionsReplaced(OPERATOR, Set.of(ROLES_READ), Set.of(ROLES_READ),
                            Set.of(CLIENTS_WRITE)));
        }

        @Test
        void whenTheExpectedVersionIsStale_thenStaleVersion() {
            fixture.given(created(CLIENTS_READ), replaced(CLIENTS_WRITE))
                    .when(replacePermissions(0L, ROLES_READ))
                    .expectException(refusal(StaleVersion.class, "stale-version"))
                    .expectExceptionMessage("expected version 0 but the current version is 1")
                    .expectNoEvents();
        }
    }

    @Nested
    class Deletion {

        @Test
        void whenTheRoleIsLive_thenRoleDeleted() {
            fixture.given(created(CLIENTS_READ))
                    .when(new DeleteRole(OPERATOR, null))
                    .expectEvents(new RoleDeleted(OPERATOR))
                    .expectState(role -> {
                        assertThat(role.state().version()).isEqualTo(1);
                        assertThat(role.state().permissions()).isEmpty();
                    });
        }

        @Test
        void whenTheRoleIsAlreadyDeleted_thenNotFound() {
            fixture.given(created(CLIENTS_READ), new RoleDeleted(OPERATOR))
                    .when(new DeleteRole(OPERATOR, null))
                    .expectException(refusal(NotFound.class, "unknown-role"))
                    .expectNoEvents();
        }

        @Test
        void whenTheExpectedVersionMatches_thenRoleDeleted() {
            fixture.given(created(CLIENTS_READ), replaced(CLIENTS_WRITE))
                    .when(new DeleteRole(OPERATOR, 1L))
                    .expectEvents(new RoleDeleted(OPERATOR));
        }

        @Test
        void whenTheExpectedVersionIsStale_thenStaleVersion() {
            fixture.given(created(CLIENTS_READ), replaced(CLIENTS_WRITE))
                    .when(new DeleteRole(OPERATOR, 0L))
                    .expectException(refusal(StaleVersion.class, "stale-version"))
                    .expectExceptionMessage("expected version 0 but the current version is 1")
                    .expectNoEvents();
        }
    }

    private static RoleCreated created(Permission... permissions) {
        return new RoleCreated(OPERATOR, "Runs the service", Set.of(permissions));
    }

    /** The event of replacing CLIENTS_READ, the permission every history here starts with, by {@code permission}. */
    private static RolePermissionsReplaced replaced(Permission permission) {
        return new RolePermissionsReplaced(OPERATOR, Set.of(permission), Set.of(permission), Set.of(CLIENTS_READ));
    }

    private static ReplaceRolePermissions replacePermissions(Long expectedVersion, Permission... permissions) {
        return new ReplaceRolePermissions(OPERATOR, Set.of(permissions), expectedVersion);
    }
}
