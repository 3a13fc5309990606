package dev.keyledger.command.signingkey;

import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import dev.keyledger.kernel.signingkey.command.ActivateSigningKey;
import dev.keyledger.kernel.signingkey.command.PublishSigningKey;
import dev.keyledger.kernel.signingkey.command.RetireSigningKey;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyEvent;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static dev.keyledger.command.testing.FixtureMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing-key aggregate as a specification: published, then active no earlier than announced, then retired —
 * each step once, in this order.
 */
class SigningKeyTest {

    private static final String KID = "k1";
    private static final String PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE";
    private static final Instant ACTIVATES_AT = Instant.parse("2026-11-29T10:01:00Z");
    private static final Instant VERIFY_UNTIL = Instant.parse("2026-11-30T10:10:00Z");

    private FixtureConfiguration<SigningKey> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(SigningKey.class);
    }

    @Test
    void whenAnySigningKeyEventIsSourced_thenTheAggregateHasAHandlerForIt() {
        List<Class<?>> handled = Arrays.stream(SigningKey.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .<Class<?>>map(method -> method.getParameterTypes()[0]).toList();
        assertThat(handled).as("one event-sourcing handler for each kind the family permits")
                .containsExactlyInAnyOrder(SigningKeyEvent.class.getPermittedSubclasses());
    }

    @Nested
    class Publication {

        @Test
        void whenAKeyIsPublished_thenSigningKeyPublishedWithItsPublicKeyOnly() {
            fixture.givenNoPriorActivity()
                    .when(new PublishSigningKey(KID, SigningAlgorithm.ES256, PUBLIC_KEY, ACTIVATES_AT))
                    .expectEvents(published())
                    .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.PUBLISHED));
        }
    }

    @Nested
    class Activation {

        @Test
        void whenThePublishedKeyIsDue_thenSigningKeyActivated() {
            fixture.given(published())
                    .when(new ActivateSigningKey(KID, ACTIVATES_AT))
                    .expectEvents(new SigningKeyActivated(KID))
                    .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.ACTIVE));
        }

        @Test
        void whenActivatedLaterThanAnnounced_thenSigningKeyActivated() {
            fixture.given(published())
                    .when(new ActivateSigningKey(KID, ACTIVATES_AT.plus(Duration.ofHours(3))))
                    .expectEvents(new SigningKeyActivated(KID));
        }

        @Test
        void whenActivatedBeforeItsMoment_thenRefusedAsNotDue() {
            fixture.given(published())
                    .when(new ActivateSigningKey(KID, ACTIVATES_AT.minusMillis(1)))
                    .expectException(refusal(Conflict.class, "key-not-due"))
                    .expectNoEvents();
        }

        @Test
        void whenTheKeyIsAlreadyActive_thenRefusedAsAlreadyActive() {
            fixture.given(published(), new SigningKeyActivated(KID))
                    .when(new ActivateSigningKey(KID, ACTIVATES_AT))
                    .expectException(refusal(Conflict.class, "key-already-active"))
                    .expectNoEvents();
        }

        @Test
        void whenTheKeyIsRetired_thenRefusedAsRetired() {
            fixture.given(published(), new SigningKeyActivated(KID), new SigningKeyRetired(KID, VERIFY_UNTIL))
                    .when(new ActivateSigningKey(KID, ACTIVATES_AT))
                    .expectException(refusal(Conflict.class, "key-retired"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Retirement {

        @Test
        void whenTheKeyIsActive_thenSigningKeyRetiredWithItsVerificationDeadline() {
            fixture.given(published(), new SigningKeyActivated(KID))
                    .when(new RetireSigningKey(KID, VERIFY_UNTIL))
                    .expectEvents(new SigningKeyRetired(KID, VERIFY_UNTIL))
                    .expectState(key -> assertThat(key.status()).isEqualTo(SigningKeyStatus.RETIRED));
        }

        @Test
        void whenTheKeyHasNeverBeenActive_thenRefusedAsNotActive() {
            fixture.given(published())
                    .when(new RetireSigningKey(KID, VERIFY_UNTIL))
                    .expectException(refusal(Conflict.class, "key-not-active"))
                    .expectNoEvents();
        }

        @Test
        void whenTheKeyIsAlreadyRetired_thenRefusedAsAlreadyRetired() {
            fixture.given(published(), new SigningKeyActivated(KID), new SigningKeyRetired(KID, VERIFY_UNTIL))
                    .when(new RetireSigningKey(KID, VERIFY_UNTIL.plusSeconds(60)))
                    .expectException(refusal(Conflict.class, "key-already-retired"))
                    .expectNoEvents();
        }
    }

    private static SigningKeyPublished published() {
        return new SigningKeyPublished(KID, SigningAlgorithm.ES256, PUBLIC_KEY, ACTIVATES_AT);
    }
}
