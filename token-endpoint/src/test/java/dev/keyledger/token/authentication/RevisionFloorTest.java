package dev.keyledger.token.authentication;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionFloorTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void whenRevisionsWereSeenRecently_thenTheFloorStaysBelowThem() {
        RevisionFloor floor = new RevisionFloor(Duration.ofSeconds(2));
        floor.seen(10, T0);
        assertThat(floor.at(T0.plusSeconds(1))).isZero();
    }

    @Test
    void whenASightingIsOlderThanTheSettleTime_thenTheFloorRisesToIt() {
        RevisionFloor floor = new RevisionFloor(Duration.ofSeconds(2));
        floor.seen(10, T0);
        floor.seen(20, T0.plusSeconds(1));
        assertThat(floor.at(T0.plusSeconds(2))).isEqualTo(10);
        assertThat(floor.at(T0.plusSeconds(3))).isEqualTo(20);
        assertThat(floor.newestSeen()).isEqualTo(20);
    }

    @Test
    void whenNoNewerRevisionIsSeen_thenNothingIsRecorded() {
        RevisionFloor floor = new RevisionFloor(Duration.ofSeconds(2));
        floor.seen(10, T0);
        floor.seen(5, T0.plusSeconds(1));
        assertThat(floor.at(T0.plusSeconds(10))).isEqualTo(10);
    }
}
