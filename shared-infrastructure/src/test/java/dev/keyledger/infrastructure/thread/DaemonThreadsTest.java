package dev.keyledger.infrastructure.thread;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void whenNamed_thenEveryThreadIsADaemonOfThatName() {
        ThreadFactory factory = DaemonThreads.named("keyledger-test");

        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("keyledger-test");
        assertThat(second.getName()).isEqualTo("keyledger-test");
    }

    @Test
    void whenNumbered_thenEachFactoryCountsItsOwnThreadsFromOne() {
        ThreadFactory lane = DaemonThreads.numbered("lane-");
        ThreadFactory other = DaemonThreads.numbered("other-");

        assertThat(lane.newThread(() -> { }).getName()).isEqualTo("lane-1");
        assertThat(lane.newThread(() -> { }).getName()).isEqualTo("lane-2");
        assertThat(other.newThread(() -> { }).isDaemon()).isTrue();
        assertThat(other.newThread(() -> { }).getName()).isEqualTo("other-2");
    }
}
