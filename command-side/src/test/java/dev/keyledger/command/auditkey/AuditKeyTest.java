package dev.keyledger.command.auditkey;

import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.kernel.auditkey.command.ActivateAuditKey;
import dev.keyledger.kernel.auditkey.command.PublishAuditKey;
import dev.keyledger.kernel.auditkey.command.RetireAuditKey;
import dev.keyledger.kernel.auditkey.event.AuditKeyActivated;
import dev.keyledger.kernel.auditkey.event.AuditKeyEvent;
import dev.keyledger.kernel.auditkey.event.AuditKeyPublished;
import dev.keyledger.kernel.auditkey.event.AuditKeyRetired;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.keyledger.command.testing.FixtureMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit-key aggregate as a specification: published, active, retired — each step once, in this order. */
class AuditKeyTest {

    private static final String KID = "a1";
    private static final String PUBLIC_KEY = "MCowBQYDK2VwAyEA";

    private FixtureConfiguration<AuditKey> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(AuditKey.class);
    }

    @Test
    void whenAnyAuditKeyEventIsSourced_thenTheAggregateHasAHandlerForIt() {
        List<Class<?>> handled = Arrays.stream(AuditKey.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .<Class<?>>map(method -> method.getParameterTypes()[0]).toList();
        assertThat(handled).containsExactlyInAnyOrder(AuditKeyEvent.class.getPermittedSubclasses());
    }

    @Test
    void whenAKeyIsPublishedThenActivatedThenRetired_thenEachStepIsOneEvent() {
        fixture.givenNoPriorActivity()
                .when(new PublishAuditKey(KID, SigningAlgorithm.EdDSA, PUBLIC_KEY))
                .expectEvents(published())
                .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.PUBLISHED));
        fixture.given(published())
                .when(new ActivateAuditKey(KID))
                .expectEvents(new AuditKeyActivated(KID))
                .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.ACTIVE));
        fixture.given(published(), new AuditKeyActivated(KID))
                .when(new RetireAuditKey(KID))
                .expectEvents(new AuditKeyRetired(KID))
                .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.RETIRED));
    }

    @Test
    void whenAStepIsOutOfOrderOrRepeated_thenItIsRefused() {
        fixture.given(published()).when(new RetireAuditKey(KID))
                .expectException(refusal(Conflict.class, "key-not-active"));
        fixture.given(published(), new AuditKeyActivated(KID)).when(new ActivateAuditKey(KID))
                .expectException(refusal(Conflict.class, "key-already-active"));
        fixture.given(published(), new AuditKeyActivated(KID), new AuditKeyRetired(KID)).when(new ActivateAuditKey(KID))
                .expectException(refusal(Conflict.class, "key-retired"));
        fixture.given(published(), new AuditKeyActivated(KID), new AuditKeyRetired(KID)).when(new RetireAuditKey(KID))
                .expectException(refusal(Conflict.class, "key-already-retired"));
    }

    private static AuditKeyPublished published() {
        return new AuditKeyPublished(KID, SigningAlgorithm.EdDSA, PUBLIC_KEY);
    }
}
