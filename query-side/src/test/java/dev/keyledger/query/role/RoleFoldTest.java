package dev.keyledger.query.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keyledger.query.testing.Events.at;
import static dev.keyledger.query.testing.Events.permissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role fold as a plain function: given events, expect the state. */
class RoleFoldTest {

    private static final RoleName NAME = new RoleName("reader");

    @Test
    void whenCreatedAndReplaced_thenLiveWithTheNewPermissions() {
        RoleSnapshot state = RoleFold.apply(null, new RoleCreated(NAME, "reads", permissions("a:read")), 0, at(0));
        state = RoleFold.apply(state, new RolePermissionsReplaced(NAME, permissions("b:read"), permissions("b:read"),
                permissions("a:read")), 1, at(1));
        assertThat(state.live()).isTrue();
        assertThat(state.permissions()).containsExactlyElementsOf(permissions("b:read"));
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.createdAt()).isEqualTo(at(0));
        assertThat(state.updatedAt()).isEqualTo(at(1));
    }

    @Test
    void whenDeletedAndCreatedAgain_thenTheStreamContinuesWithTheNewCreation() {
        RoleSnapshot state = RoleFold.apply(null, new RoleCreated(NAME, "reads", permissions("a:read")), 0, at(0));
        state = RoleFold.apply(state, new RoleDeleted(NAME), 1, at(1));
        assertThat(state.live()).isFalse();
        assertThat(state.permissions()).isEmpty();
        state = RoleFold.apply(state, new RoleCreated(NAME, "again", permissions("c:read")), 2, at(2));
        assertThat(state.live()).isTrue();
        assertThat(state.description()).isEqualTo("again");
        assertThat(state.createdAt()).isEqualTo(at(2));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void whenAnEventDoesNotFollowTheState_thenTheFoldRefusesIt() {
        assertThatThrownBy(() -> RoleFold.apply(null, new RoleDeleted(NAME), 0, at(0)))
                .isInstanceOf(IllegalStateException.class);
        RoleSnapshot live = RoleFold.apply(null, new RoleCreated(NAME, null, permissions()), 0, at(0));
        assertThatThrownBy(() -> RoleFold.apply(live, new RoleCreated(NAME, null, permissions()), 1, at(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenAnyRoleEventFollowsACreation_thenTheFoldKnowsIt() {
        RoleSnapshot created = RoleFold.apply(null, new RoleCreated(NAME, null, permissions("a:read")), 0, at(0));
        List<RoleEvent> everyKind = List.of(new RoleCreated(NAME, null, permissions()),
                new RolePermissionsReplaced(NAME, permissions("b:read"), permissions("b:read"), permissions("a:read")),
                new RoleDeleted(NAME));
        assertThat(everyKind).extracting(Object::getClass).as("one event of each kind the family permits")
                .containsExactlyInAnyOrder(RoleEvent.class.getPermittedSubclasses());
        for (RoleEvent event : everyKind) {
            RoleSnapshot before = event instanceof RoleCreated ? null : created;
            long sequence = before == null ? 0 : before.version() + 1;
            assertThat(RoleFold.apply(before, event, sequence, at(5)).version()).as(event.toString())
                    .isEqualTo(sequence);
        }
    }
}
