package dev.keyledger.command.dispatch;

import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.client.command.DisableClient;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.client.command.RotateClientSecret;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.command.CreateRole;
import dev.keyledger.kernel.role.command.DeleteRole;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link CommandTargets} answers every command as Axon's annotation resolver does, only without its reflection. Public,
 * with public records, so that the resolver's own path could read them and only their shape sends them to Axon's.
 */
public class CommandTargetsTest {

    private final CommandTargetResolver targets = new CommandTargets();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    @Test
    void whenACommandRecordMarksItsTarget_thenItsTargetIsAxons() {
        for (Object command : new Object[]{new DisableClient(ClientId.of("billing"), 3L),
                new DeleteRole(RoleName.of("operator"), null)}) {
            VersionedAggregateIdentifier target = resolve(targets, command);

            assertThat(target).isEqualTo(resolve(axons, command));
            assertThat(target.getIdentifierValue()).isEqualTo(resolve(axons, command).getIdentifierValue());
            assertThat(target.getVersion()).isNull();
        }
    }

    @Test
    void whenAClientOrRoleCommandComes_thenItsTargetIsReadWithoutAxonsReflection() {
        CommandTargets resolver = new CommandTargets();
        for (Class<?> type : List.of(RegisterClient.class, RotateClientSecret.class, ChangeClientDetails.class,
                DisableClient.class, CreateRole.class, DeleteRole.class)) {
            assertThat(resolver.readsTargetOf(type)).as(type.getSimpleName()).isTrue();
        }
        for (Class<?> type : List.of(Versioned.class, Plain.class, Unmarked.class)) {
            assertThat(resolver.readsTargetOf(type)).as(type.getSimpleName()).isFalse();
        }
    }

    @Test
    void whenTheSameTypeComesAgain_thenEachCommandGoesToItsOwnTarget() {
        assertThat(resolve(targets, new DisableClient(ClientId.of("a"), null)).getIdentifier()).isEqualTo("a");
        assertThat(resolve(targets, new DisableClient(ClientId.of("b"), null)).getIdentifier()).isEqualTo("b");
    }

    @Test
    void whenACommandNamesNoTarget_thenItIsRefusedAsAxonRefusesIt() {
        for (Object command : new Object[]{new DisableClient(null, null), new Unmarked("x")}) {
            Throwable axonsRefusal = catchThrowable(() -> resolve(axons, command));

            assertThat(axonsRefusal).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> resolve(targets, command))
                    .isInstanceOf(axonsRefusal.getClass())
                    .hasMessage(axonsRefusal.getMessage());
        }
    }

    @Test
    void whenACommandCarriesAnAggregateVersion_thenAxonsResolverReadsIt() {
        CommandTargets resolver = new CommandTargets();
        assertThat(resolver.readsTargetOf(Targeted.class)).isTrue();
        assertThat(resolver.readsTargetOf(Versioned.class)).isFalse();

        VersionedAggregateIdentifier target = resolve(targets, new Versioned("c1", 7L));

        assertThat(target.getIdentifier()).isEqualTo("c1");
        assertThat(target.getVersion()).isEqualTo(7L);
    }

    @Test
    void whenACommandIsNoRecord_thenAxonsResolverReadsIt() {
        assertThat(resolve(targets, new Plain("p1")).getIdentifier()).isEqualTo("p1");
    }

    private static VersionedAggregateIdentifier resolve(CommandTargetResolver resolver, Object command) {
        return resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }

    public record Unmarked(String id) {
    }

    public record Targeted(@TargetAggregateIdentifier String id) {
    }

    public record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    public static final class Plain {
        @TargetAggregateIdentifier
        private final String id;

        Plain(String id) {
            this.id = id;
        }
    }
}
