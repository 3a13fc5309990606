package dev.keyledger.infrastructure.priority;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@EnabledOnOs(OS.LINUX)
class BackgroundThreadsTest {

    @Test
    void whenAskedToLowerThePriority_thenEachThreadRunsItsWorkAtTheLowerNice() throws Exception {
        assertThat(niceOfWorkOn(new BackgroundThreads("lowered", true))).isEqualTo(BackgroundPriority.NICE);
    }

    @Test
    void whenNotAskedTo_thenThreadsKeepTheCreatorsNice() throws Exception {
        assertThat(niceOfWorkOn(new BackgroundThreads("kept", false))).isEqualTo(ThreadNice.ofCurrentThread());
    }

    @Test
    void threadsAreNumberedDaemons() {
        BackgroundThreads threads = new BackgroundThreads("linker", true);
        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("linker-1");
        assertThat(second.getName()).isEqualTo("linker-2");
        assertThat(first.isDaemon()).isTrue();
    }

    private static int niceOfWorkOn(BackgroundThreads threads) throws InterruptedException {
        AtomicInteger nice = new AtomicInteger(-100);
        Thread thread = threads.newThread(() -> nice.set(ThreadNice.ofCurrentThread()));
        thread.start();
        thread.join();
        return nice.get();
    }
}
