package dev.keyledger.infrastructure.priority;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon platform threads for work that must give way to token issuance when both want the CPU (docs/DECISIONS.md 110
 * and 134): each lowers its own priority ({@link BackgroundPriority}) before its first task, if asked to.
 */
public final class BackgroundThreads implements ThreadFactory {

    private final String name;
    private final boolean lowerPriority;
    private final AtomicInteger count = new AtomicInteger();

    /** Threads named {@code name-1}, {@code name-2}, ... */
    public BackgroundThreads(String name, boolean lowerPriority) {
        this.name = name;
        this.lowerPriority = lowerPriority;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(() -> {
            if (lowerPriority) {
                BackgroundPriority.lowerCurrentThread();
            }
            work.run();
        }, name + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
