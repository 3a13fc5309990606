package dev.keyledger.infrastructure.web;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Admin writes run in a lane of their own (docs/DECISIONS.md 110): a few platform threads and a bounded queue, so
 * that an operator's batch job can use at most those threads' share of the CPU and never the virtual-thread carriers
 * that token requests are read and answered on. A write that finds the queue full is refused at once with
 * {@code 503} and {@code Retry-After}, as problem+json: under a storm the writes slow down or are turned away, never
 * the token endpoint. The lane's threads run at a lower scheduling priority where the system allows it, so that
 * the signing turns come first when both want the CPU. Reads stay where they were: a long export must not hold up
 * the writes. A write's body is read on the request's own virtual thread before it queues, so that clients sending
 * their bodies slowly cannot hold the lane's threads; the bytes it may take are reserved first from a budget of
 * {@code (threads + queue) × 64 KiB}, so that bodies read before their callers are authenticated can never hold more
 * memory than that, whoever sends them (beyond it: the same {@code 503}).
 */
public final class AdminLane extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** One byte more than the largest body an admin endpoint reads (64 KiB): the endpoint still sees it is too large. */
    static final int BODY_BYTES = 64 * 1024 + 1;

    private final ThreadPoolExecutor lane;
    private final Semaphore bodyBytes;

    /**
     * @param threads        writes served at once
     * @param queue          writes that may wait for a thread; the next one is refused
     * @param lowerPriority  whether the lane's threads run at a lower scheduling priority ({@link BackgroundPriority})
     */
    public AdminLane(int threads, int queue, boolean lowerPriority) {
        ThreadFactory laneThreads = DaemonThreads.numbered("admin-lane-");
        this.lane = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
                work -> laneThreads.newThread(() -> {
                    if (lowerPriority) {
                        BackgroundPriority.lowerCurrentThread();
                    }
                    work.run();
                }),
                new ThreadPoolExecutor.AbortPolicy());
        lane.prestartAllCoreThreads(); // the priority is lowered at start-up, not on the first writes
        this.bodyBytes = new Semaphore(Math.multiplyExact(threads + queue, BODY_BYTES));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int reserved = bodyBytesOf(request);
        if (!bodyBytes.tryAcquire(reserved)) {
            refuseBusy(request, response);
            return;
        }
        try {
            HttpServletRequest buffered = new BufferedBodyRequest(request,
                    request.getInputStream().readNBytes(reserved));
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            Future<?> served;
            try {
                served = lane.submit(() -> {
                    serve(logContext, buffered, response, chain);
                    return null;
                });
            } catch (RejectedExecutionException full) {
                refuseBusy(request, response);
                return;
            }
            awaitServed(served);
        } finally {
            bodyBytes.release(reserved);
        }
    }

    /** What the body may take: its declared length up to {@link #BODY_BYTES}, or all of that when it declares none. */
    private static int bodyBytesOf(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        return declared < 0 ? BODY_BYTES : (int) Math.min(declared, BODY_BYTES);
    }

    private static void refuseBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        EdgeRefusal.of(503, request.getRequestURI(), "admin-busy",
                "too many admin writes at once; retry after a second").writeTo(response);
    }

    private static void serve(Map<String, String> logContext, HttpServletRequest request, HttpServletResponse response,
                              FilterChain chain) throws IOException, ServletException {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.clear();
        }
    }

    /** Waits for the lane to serve the request; its failures surface here, as if the chain had run on this thread. */
    private static void awaitServed(Future<?> served) throws IOException, ServletException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    served.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the request is being served on the lane: its answer is still owed
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof ServletException servlet) {
                        throw servlet;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new ServletException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The container is stopping: the writes already accepted finish, no new one starts. */
    @Override
    public void destroy() {
        lane.shutdown();
    }
}
