package dev.keyledger.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request whose path is not canonical ({@link CanonicalPath}) with {@code 400} before anything routes it:
 * in the OAuth error format under {@code /oauth2/}, as problem+json everywhere else.
 */
public final class CanonicalPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String violation = CanonicalPath.violation(request.getRequestURI());
        if (violation == null) {
            chain.doFilter(request, response);
            return;
        }
        EdgeRefusal.of(400, request.getRequestURI(), "non-canonical-path",
                "the request path is not canonical: " + violation).writeTo(response);
    }
}
