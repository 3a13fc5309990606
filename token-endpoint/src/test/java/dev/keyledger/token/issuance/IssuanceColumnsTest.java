package dev.keyledger.token.issuance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IssuanceColumnsTest {

    @Test
    void whenAValueIsCut_thenItIsCutInCharactersAsPostgresCountsThemNeverInsideOne() {
        String emoji = "\uD83D\uDD11"; // one character for PostgreSQL, two chars for Java
        assertThat(IssuanceColumns.cut(emoji.repeat(70), 64)).isEqualTo(emoji.repeat(64));
        assertThat(IssuanceColumns.cut("a" + emoji.repeat(63), 64)).isEqualTo("a" + emoji.repeat(63));
    }

    @Test
    void whenAValueHoldsNul_thenItIsReplacedBecausePostgresTextCannotHoldIt() {
        assertThat(IssuanceColumns.cut("a\0b", 64)).isEqualTo("a\uFFFDb");
    }
}
