package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AdminCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Protects the admin API served in this JVM with Keyledger's own access tokens ({@link AdminAccessPolicy}): answers
 * 401/403 as problem+json, and otherwise hands the caller's client id to the other sides as
 * {@link AdminCaller#REQUEST_ATTRIBUTE}.
 */
final class AdminAccessFilter extends OncePerRequestFilter {

    private final AdminAccessPolicy policy;
    private final ObjectMapper json;

    AdminAccessFilter(AdminAccessPolicy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AdminAccessVerdict verdict = policy.decide(request.getHeader("Authorization"), request.getMethod(),
                request.getRequestURI());
        if (!verdict.isAllowed()) {
            verdict.writeRefusal(response, json);
            return;
        }
        request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, verdict.caller());
        chain.doFilter(request, response);
    }
}
