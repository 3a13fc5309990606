package dev.keyledger.infrastructure.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the servlets behind the filter see as the request's address. */
class ForwardedAddressFilterTest {

    @Test
    void whenThePeerIsATrustedProxy_thenTheServletSeesTheForwardedAddressAsRemoteAddrAndHost() throws Exception {
        HttpServletRequest seen = seenBehind(ForwardedAddressFilter.forSettings("127.0.0.2", "none"),
                request("127.0.0.2", "198.51.100.4"));

        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.4");
        assertThat(seen.getRemoteHost()).isEqualTo("198.51.100.4");
    }

    @Test
    void whenThePeerIsNotTrusted_thenTheServletSeesThePeer() throws Exception {
        HttpServletRequest seen = seenBehind(ForwardedAddressFilter.forSettings("127.0.0.2", ""),
                request("127.0.0.1", "198.51.100.4"));

        assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void whenNoProxyIsTrusted_thenTheRequestIsHandedOnUntouched() throws Exception {
        MockHttpServletRequest request = request("127.0.0.1", "198.51.100.4");

        assertThat(seenBehind(ForwardedAddressFilter.forSettings("", "none"), request)).isSameAs(request);
    }

    @Test
    void whenTheSameRequestIsDispatchedAgain_thenItHasTheSameAddress() throws Exception {
        ForwardedAddressFilter filter = ForwardedAddressFilter.forSettings("10.0.0.0/8", "none");
        MockHttpServletRequest request = request("10.0.0.1", "10.0.0.5, 198.51.100.4");
        seenBehind(filter, request);

        request.setDispatcherType(DispatcherType.ASYNC);
        assertThat(seenBehind(filter, request).getRemoteAddr()).isEqualTo("198.51.100.4");
    }

    @Test
    void whenSpringsOwnForwardedHeaderHandlingIsOn_thenTheServiceRefusesToStart() {
        for (String strategy : new String[] {"native", "FRAMEWORK"}) {
            assertThatThrownBy(() -> ForwardedAddressFilter.forSettings("10.0.0.1", strategy))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("KEYLEDGER_TRUSTED_PROXIES");
        }
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        request.addHeader(ForwardedAddressFilter.HEADER, forwardedFor);
        return request;
    }

    private static HttpServletRequest seenBehind(ForwardedAddressFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        ServletRequest seen = chain.getRequest();
        return (HttpServletRequest) seen;
    }
}
