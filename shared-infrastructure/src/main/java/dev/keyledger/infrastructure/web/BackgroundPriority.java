package dev.keyledger.infrastructure.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the calling platform thread's scheduling priority, where the operating system lets a thread do so for
 * itself: on Linux, {@code renice} of the thread's own id (lowering needs no privilege). Java's thread priorities do
 * nothing on Linux unless the JVM runs as root with {@code -XX:ThreadPriorityPolicy=1}. Best effort: elsewhere, or
 * without {@code renice}, the thread keeps its priority and the admin lane still bounds what it may run at once.
 */
final class BackgroundPriority {

    /** Weight about a tenth of a normal thread's under Linux's scheduler (each step of nice is ~1.25x). */
    static final int NICE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /** @return whether the calling thread now runs at {@link #NICE} */
    static boolean lowerCurrentThread() {
        try {
            if (!Files.isSymbolicLink(THREAD_SELF)) {
                return false;
            }
            String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", threadId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            LOG.debug("the admin lane's threads keep their priority: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
