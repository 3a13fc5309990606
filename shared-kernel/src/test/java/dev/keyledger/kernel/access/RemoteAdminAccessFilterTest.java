package dev.keyledger.kernel.access;

import com.sun.net.httpserver.HttpServer;
import dev.keyledger.kernel.audit.AdminCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter against real HTTP servers standing in for token endpoint nodes. */
class RemoteAdminAccessFilterTest {

    private static final String REFUSAL = "{\"type\":\"https://keyledger.dev/problems/forbidden\",\"status\":403}";

    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicReference<String> checkedCall = new AtomicReference<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void whenTheTokenEndpointAllows_thenTheCallerIsHandedOnAndTheCallProceeds() throws Exception {
        String node = node("admin-1", 204);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = request();

        RemoteAdminAccessFilter.forEndpoints(node).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(request.getAttribute(AdminCaller.REQUEST_ATTRIBUTE)).isEqualTo("admin-1");
        assertThat(checkedCall.get()).isEqualTo("DELETE /api/v1/clients/c1 Bearer token-1");
    }

    @Test
    void whenTheTokenEndpointRefuses_thenItsProblemIsRelayedAndTheCallStops() throws Exception {
        String node = node(null, 403);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        RemoteAdminAccessFilter.forEndpoints(node).doFilter(request(), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo(REFUSAL);
    }

    @Test
    void whenOneNodeIsDown_thenTheNextOneDecides() throws Exception {
        String endpoints = closedPort() + "," + node("admin-1", 204);
        RemoteAdminAccessFilter filter = RemoteAdminAccessFilter.forEndpoints(endpoints);
        for (int i = 0; i < 3; i++) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request(), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isNotNull();
        }
    }

    @Test
    void whenNoNodeAnswers_thenServiceUnavailableAndTheCallStops() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        RemoteAdminAccessFilter.forEndpoints(closedPort()).doFilter(request(), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/v1/clients/c1");
        request.addHeader("Authorization", "Bearer token-1");
        return request;
    }

    /** A stand-in token endpoint that records the call it checks and answers with the given status. */
    private String node(String caller, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(AdminAccessCheck.PATH, exchange -> {
            checkedCall.set(exchange.getRequestHeaders().getFirst(AdminAccessCheck.METHOD_HEADER) + " "
                    + exchange.getRequestHeaders().getFirst(AdminAccessCheck.PATH_HEADER) + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            if (caller != null) {
                exchange.getResponseHeaders().add(AdminAccessCheck.CALLER_HEADER, caller);
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
