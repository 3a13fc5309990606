package dev.keyledger.infrastructure.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Hands every request on with {@code getRemoteAddr()} answering the address it comes from by
 * {@link TrustedProxies}, so that throttling, the issuance log and the audit trail read one resolution. Registered
 * first by every service, for every dispatch (an async or error dispatch sees the same address). With no trusted
 * proxy it hands requests on untouched.
 */
public final class ForwardedAddressFilter implements Filter {

    static final String HEADER = "X-Forwarded-For";
    /** The request attribute holding the address believed for a proxied request (the access log reads it too). */
    public static final String RESOLVED = ForwardedAddressFilter.class.getName() + ".address";
    /** Spring's own handling believes forwarded headers from any private address: it would hand us a forged peer. */
    private static final Set<String> FORWARD_HEADERS_STRATEGIES_ALLOWED = Set.of("", "none");

    private final TrustedProxies proxies;

    public ForwardedAddressFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * @param trustedProxies         {@code keyledger.trusted-proxies}
     * @param forwardHeadersStrategy {@code server.forward-headers-strategy}, which must be {@code none}
     */
    public static ForwardedAddressFilter forSettings(String trustedProxies, String forwardHeadersStrategy) {
        if (!FORWARD_HEADERS_STRATEGIES_ALLOWED.contains(forwardHeadersStrategy.trim().toLowerCase())) {
            throw new IllegalStateException("SERVER_FORWARD_HEADERS_STRATEGY (server.forward-headers-strategy) is "
                    + forwardHeadersStrategy + ": it believes X-Forwarded-For from every private address. Remove it"
                    + " and name the proxies in KEYLEDGER_TRUSTED_PROXIES instead");
        }
        return new ForwardedAddressFilter(TrustedProxies.parse(trustedProxies));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (proxies.isEmpty() || !(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        // Kept on the request: a later dispatch of the same request hands on the same address.
        String address = (String) http.getAttribute(RESOLVED);
        if (address == null) {
            List<String> forwardedFor = Collections.list(http.getHeaders(HEADER));
            address = proxies.clientAddress(http.getRemoteAddr(), forwardedFor);
            http.setAttribute(RESOLVED, address);
        }
        chain.doFilter(address.equals(http.getRemoteAddr()) ? http : new ResolvedAddressRequest(http, address),
                response);
    }

    /** The request as the client sent it, but from the resolved address; the name is never looked up. */
    private static final class ResolvedAddressRequest extends HttpServletRequestWrapper {

        private final String address;

        ResolvedAddressRequest(HttpServletRequest request, String address) {
            super(request);
            this.address = address;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }
    }
}
