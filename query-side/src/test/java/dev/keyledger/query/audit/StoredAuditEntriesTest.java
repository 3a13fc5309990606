package dev.keyledger.query.audit;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail reads stored payloads as they are (docs/DECISIONS.md 117): it refuses to bypass an upcaster. */
class StoredAuditEntriesTest {

    @Test
    void whenAxonHasNoUpcaster_thenTheStoredFormIsRead() {
        assertThatCode(() -> StoredAuditEntries.requireNoUpcasters(new EventUpcasterChain())).doesNotThrowAnyException();
        assertThatCode(() -> StoredAuditEntries.requireNoUpcasters(null)).doesNotThrowAnyException();
    }

    @Test
    void whenAxonHasAnUpcaster_thenTheServiceDoesNotStart() {
        EventUpcasterChain upcasters = new EventUpcasterChain(
                (Stream<IntermediateEventRepresentation> events) -> events.map(event -> event));
        assertThatThrownBy(() -> StoredAuditEntries.requireNoUpcasters(upcasters))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upcast");
    }
}
