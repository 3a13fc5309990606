package dev.keyledger.infrastructure.priority;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Background threads lower their own priority, and only their own: the rest of the JVM keeps its nice. */
@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {

    @Test
    void whenAThreadLowersItsPriority_thenOnlyThatThreadRunsAtTheLowerNice() throws Exception {
        AtomicReference<Integer> inside = new AtomicReference<>();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            inside.set(ThreadNice.ofCurrentThread());
        });
        thread.start();
        thread.join();

        assertThat(lowered.get()).isTrue();
        assertThat(inside.get()).isEqualTo(BackgroundPriority.NICE);
        assertThat(ThreadNice.ofCurrentThread()).isLessThan(BackgroundPriority.NICE);
    }
}
