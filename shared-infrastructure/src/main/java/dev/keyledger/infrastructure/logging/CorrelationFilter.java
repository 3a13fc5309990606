package dev.keyledger.infrastructure.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts each request's correlation id in the logging context for as long as the request is served on this thread
 * (OAuth and admin requests alike, every dispatch), and returns it in {@code X-Correlation-Id}. The id before the
 * request is put back afterwards: a thread (virtual or pooled) never carries one request's id into the next.
 */
public final class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationIds.of(request);
        response.setHeader(CorrelationIds.HEADER, id);
        String outer = MDC.get(CorrelationIds.LOG_KEY);
        MDC.put(CorrelationIds.LOG_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(CorrelationIds.LOG_KEY);
            } else {
                MDC.put(CorrelationIds.LOG_KEY, outer);
            }
        }
    }

    /** An async or error dispatch of the same request is served under its id too (the attribute keeps it). */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
