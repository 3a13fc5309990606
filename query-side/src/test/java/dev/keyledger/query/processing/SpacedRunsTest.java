package dev.keyledger.query.processing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** When a prompted run starts, on a clock and a scheduler the test moves by hand. */
class SpacedRunsTest {

    private static final Duration SPACING = Duration.ofMillis(50);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final HeldScheduler scheduler = new HeldScheduler();
    private final AtomicInteger runs = new AtomicInteger();
    private final SpacedRuns spaced = new SpacedRuns(runs::incrementAndGet, SPACING, scheduler, now::get);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void whenPromptedAfterAQuietSpell_thenItRunsAtOnce() {
        spaced.prompt();
        scheduler.runDue();
        advance(200);

        spaced.prompt();

        assertThat(scheduler.delaysMillis).containsExactly(0L, 0L);
    }

    @Test
    void whenPromptedSoonAfterARunBegan_thenTheNextRunWaitsOutTheSpacing() {
        spaced.prompt();
        scheduler.runDue();
        advance(10);

        spaced.prompt();

        assertThat(scheduler.delaysMillis).containsExactly(0L, 40L);
    }

    @Test
    void whenPromptsArriveWhileARunWaits_thenThatOneRunCoversThemAll() {
        spaced.prompt();
        scheduler.runDue();
        for (int i = 0; i < 5; i++) {
            advance(5);
            spaced.prompt();
        }
        scheduler.runDue();

        assertThat(scheduler.delaysMillis).containsExactly(0L, 45L);
        assertThat(runs).hasValue(2);
    }

    @Test
    void whenAPromptArrivesAfterTheWaitingRunBegan_thenItGetsARunOfItsOwn() {
        spaced.prompt();
        scheduler.runDue();
        advance(10);
        spaced.prompt();
        advance(40);
        scheduler.runDue();

        spaced.prompt();

        assertThat(scheduler.delaysMillis).containsExactly(0L, 40L, 50L);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Records each task's delay and holds the task until the test runs it. */
    private static final class HeldScheduler extends ScheduledThreadPoolExecutor {

        final List<Long> delaysMillis = new ArrayList<>();
        private final List<Runnable> held = new ArrayList<>();

        HeldScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            delaysMillis.add(unit.toMillis(delay));
            held.add(task);
            return null;
        }

        void runDue() {
            List<Runnable> due = new ArrayList<>(held);
            held.clear();
            due.forEach(Runnable::run);
        }
    }
}
