package dev.keyledger.token.authentication;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SharedValuesTest {

    private final SharedValues shared = new SharedValues();

    @Test
    void equalValuesReadFromDifferentRowsAreOneInstance() {
        Set<String> first = shared.of(Set.copyOf(List.of("orders:read", "orders:write")));
        Set<String> second = shared.of(Set.copyOf(List.of("orders:write", "orders:read")));

        assertThat(second).isSameAs(first);
        assertThat(shared.of(Set.of("orders:read"))).isNotSameAs(first).containsExactly("orders:read");
    }

    @Test
    void aColumnTextIsDecodedOnceAndTheSameTextOfAnotherColumnOnItsOwn() throws Exception {
        List<String> roles = shared.read("roles", "{orders}", () -> List.of("orders"));

        List<String> again = shared.read("roles", "{orders}", () -> {
            throw new AssertionError("decoded twice");
        });

        assertThat(again).isSameAs(roles);
        assertThat(shared.read("permissions", "{orders}", () -> Set.of("orders"))).isEqualTo(Set.of("orders"));
    }

    @Test
    void pastItsBoundItForgetsWhatItHeldAndStillAnswersEqualValues() {
        List<String> early = shared.of(List.of("role-0"));
        for (int i = 1; i <= SharedValues.BOUND; i++) {
            shared.of(List.of("role-" + i));
        }

        List<String> again = shared.of(List.of("role-0"));

        assertThat(again).isEqualTo(early).isNotSameAs(early);
        assertThat(shared.of(List.of("role-0"))).isSameAs(again);
    }
}
