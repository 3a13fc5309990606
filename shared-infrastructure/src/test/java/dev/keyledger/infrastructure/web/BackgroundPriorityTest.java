package dev.keyledger.infrastructure.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin lane's threads lower their own priority, and only their own: the rest of the JVM keeps its nice. */
@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {

    @Test
    void whenAThreadLowersItsPriority_thenOnlyThatThreadRunsAtTheLowerNice() throws Exception {
        AtomicReference<Integer> inside = new AtomicReference<>();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            inside.set(niceOfCurrentThread());
        });
        thread.start();
        thread.join();

        assertThat(lowered.get()).isTrue();
        assertThat(inside.get()).isEqualTo(BackgroundPriority.NICE);
        assertThat(niceOfCurrentThread()).isLessThan(BackgroundPriority.NICE);
    }

    /** Field 19 of the thread's stat line; the command name (field 2) may hold spaces, so count after its ')'. */
    static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[16]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
