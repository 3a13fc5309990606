package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.keyledger.kernel.audit.AdminPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The remote check against real HTTP servers standing in for token endpoint nodes, honest and forged. */
class RemoteAdminAuthorizerTest {

    private static final String PERMISSION = AdminPermissions.CLIENTS_WRITE;
    private static final String REFUSAL = "{\"type\":\"https://keyledger.dev/problems/forbidden\",\"title\":"
            + "\"Forbidden\",\"status\":403,\"detail\":\"this call needs the permission keyledger:clients:write\"}";
    private static final CheckSignature INSTALLATION = signature((byte) 1);
    private static final CheckSignature OTHER_KEY = signature((byte) 2);

    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicReference<String> checked = new AtomicReference<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void whenTheTokenEndpointAllowsWithAValidSignature_thenTheCallerIsAllowed() throws Exception {
        AccessVerdict verdict = authorizer(node(Answer.SIGNED, INSTALLATION)).authorize("Bearer token-1", PERMISSION);

        assertThat(verdict.isAllowed()).isTrue();
        assertThat(verdict.caller()).isEqualTo("admin-1");
        assertThat(checked.get()).isEqualTo(PERMISSION + " Bearer token-1");
    }

    @Test
    void whenAnAllowingAnswerIsUnsignedOrSignedWithAnotherKeyOrReplayed_thenItIsNotBelieved() throws Exception {
        for (String node : List.of(node(Answer.UNSIGNED, INSTALLATION), node(Answer.SIGNED, OTHER_KEY),
                node(Answer.REPLAYED, INSTALLATION), node(Answer.OTHER_CALLER, INSTALLATION))) {
            AccessVerdict verdict = authorizer(node).authorize("Bearer token-1", PERMISSION);

            assertThat(verdict.isAllowed()).as(node).isFalse();
            assertThat(verdict.status()).isEqualTo(503);
        }
    }

    @Test
    void whenOneNodeForgesAndTheNextIsHonest_thenTheHonestOneDecides() throws Exception {
        RemoteAdminAuthorizer authorizer = authorizer(node(Answer.UNSIGNED, INSTALLATION) + ","
                + node(Answer.SIGNED, INSTALLATION));
        for (int i = 0; i < 4; i++) {
            assertThat(authorizer.authorize("Bearer token-1", PERMISSION).caller()).isEqualTo("admin-1");
        }
    }

    @Test
    void whenTheTokenEndpointRefuses_thenItsProblemIsRelayed() throws Exception {
        AccessVerdict verdict = authorizer(node(Answer.REFUSED, INSTALLATION)).authorize("Bearer token-1", PERMISSION);

        assertThat(verdict.isAllowed()).isFalse();
        assertThat(verdict.status()).isEqualTo(403);
        assertThat(verdict.slug()).isEqualTo("forbidden");
        assertThat(verdict.detail()).isEqualTo("this call needs the permission keyledger:clients:write");
    }

    @Test
    void whenOneNodeIsDown_thenTheNextOneDecides() throws Exception {
        RemoteAdminAuthorizer authorizer = authorizer(closedPort() + "," + node(Answer.SIGNED, INSTALLATION));
        for (int i = 0; i < 3; i++) {
            assertThat(authorizer.authorize("Bearer token-1", PERMISSION).isAllowed()).isTrue();
        }
    }

    @Test
    void whenNoNodeAnswers_thenServiceUnavailable() throws Exception {
        AccessVerdict verdict = authorizer(closedPort()).authorize("Bearer token-1", PERMISSION);

        assertThat(verdict.isAllowed()).isFalse();
        assertThat(verdict.status()).isEqualTo(503);
    }

    private enum Answer { SIGNED, UNSIGNED, REPLAYED, OTHER_CALLER, REFUSED }

    private static RemoteAdminAuthorizer authorizer(String endpoints) {
        return RemoteAdminAuthorizer.forEndpoints(endpoints, INSTALLATION, new ObjectMapper());
    }

    private static CheckSignature signature(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return CheckSignature.derivedFrom(new SecretKeySpec(key, "AES"));
    }

    /** A stand-in token endpoint node that records what it is asked and answers as told, with the given key. */
    private String node(Answer answer, CheckSignature key) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(AdminAccessCheck.PATH, exchange -> {
            String permission = exchange.getRequestHeaders().getFirst(AdminAccessCheck.PERMISSION_HEADER);
            String nonce = exchange.getRequestHeaders().getFirst(AdminAccessCheck.NONCE_HEADER);
            checked.set(permission + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (answer == Answer.REFUSED) {
                byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
            } else {
                String signed = switch (answer) {
                    case SIGNED -> key.sign(nonce, permission, "admin-1");
                    case REPLAYED -> key.sign(CheckSignature.newNonce(), permission, "admin-1");
                    case OTHER_CALLER -> key.sign(nonce, permission, "someone-else");
                    default -> null;
                };
                exchange.getResponseHeaders().add(AdminAccessCheck.CALLER_HEADER, "admin-1");
                if (signed != null) {
                    exchange.getResponseHeaders().add(AdminAccessCheck.SIGNATURE_HEADER, signed);
                }
                exchange.sendResponseHeaders(204, -1);
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
