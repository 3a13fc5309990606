package dev.keyledger.query.processing;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs a task when prompted: at once after a quiet spell, and under a stream of prompts no sooner than
 * {@code spacing} after the previous run began, one run covering every prompt that came while it waited. A reader
 * prompted by every append then reads a batch of appends per run instead of one (docs/DECISIONS.md 129): its
 * transactions, statements and thread hand-offs follow its runs, not the write rate, and a single write still waits
 * for nothing.
 */
public final class SpacedRuns {

    private final Runnable task;
    private final long spacingNanos;
    private final ScheduledExecutorService executor;
    private final LongSupplier nanoClock;
    /** A prompt that arrives while a run is waiting is covered by it; one that arrives once it has begun is not. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile long lastStart;

    public SpacedRuns(Runnable task, Duration spacing, ScheduledExecutorService executor) {
        this(task, spacing, executor, System::nanoTime);
    }

    SpacedRuns(Runnable task, Duration spacing, ScheduledExecutorService executor, LongSupplier nanoClock) {
        this.task = task;
        this.spacingNanos = spacing.toNanos();
        this.executor = executor;
        this.nanoClock = nanoClock;
        this.lastStart = nanoClock.getAsLong() - spacingNanos; // as if a run began a spacing ago: the first is at once
    }

    public void prompt() {
        if (waiting.compareAndSet(false, true)) {
            long delay = Math.max(0, lastStart + spacingNanos - nanoClock.getAsLong());
            executor.schedule(this::run, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        lastStart = nanoClock.getAsLong();
        waiting.set(false);
        task.run();
    }
}
