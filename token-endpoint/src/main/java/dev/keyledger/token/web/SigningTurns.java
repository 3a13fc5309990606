package dev.keyledger.token.web;

import dev.keyledger.infrastructure.thread.DaemonThreads;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The CPU-bound part of token requests (authenticate, resolve, sign) runs here, on one platform thread per core, in
 * arrival order. Run on the request's own virtual thread, the same work waited for a carrier thread in the virtual
 * thread scheduler's queues, which are not first-come first-served: some requests waited many times longer than
 * others (docs/DECISIONS.md 31 and 47). Only CPU work comes here; reading the request and writing the answer stay on
 * the request's thread, so a slow client can never hold a turn.
 */
final class SigningTurns implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), DaemonThreads.named("signing-turn"));

    /** Runs {@code work} in its turn and returns its result; its exception, unchecked, is thrown here. */
    <T> T run(Callable<T> work) {
        Future<T> done = threads.submit(work);
        try {
            return done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a signing turn", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
