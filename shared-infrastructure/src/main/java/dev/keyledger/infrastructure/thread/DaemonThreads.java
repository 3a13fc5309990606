package dev.keyledger.infrastructure.thread;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the service's background work (listeners, linkers, rebuilds, signing turns), named so that a thread
 * dump, a profile or a log line says whose they are. They are daemons: each owner stops its work when it closes, and a
 * thread its owner failed to stop must not keep a stopping JVM alive. They are platform threads because the code is
 * compiled for Java 17, which has no virtual threads.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Each thread named {@code name}: for a single thread, or a pool whose threads need not be told apart. */
    public static ThreadFactory named(String name) {
        return work -> daemon(work, name);
    }

    /** Threads named {@code prefix1}, {@code prefix2}, ... in the order they are made. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> daemon(work, prefix + count.incrementAndGet());
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
