package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API of command-side and query-side nodes running apart: a token endpoint node decides who may call, and
 * its 401/403 problems reach the caller unchanged; the sides' internal check is not reachable through the proxy.
 */
@ExtendWith(Topology.class)
class AdminAccessThroughProxyTest {

    @Test
    void whenNoTokenIsPresented_thenBothSidesAnswer401Problems() {
        KeyledgerApi anonymous = KeyledgerApi.bearing("");
        for (KeyledgerApi.Answer answer : new KeyledgerApi.Answer[]{
                anonymous.get("/api/v1/clients"), anonymous.post("/api/v1/clients", Map.of("name", "x"))}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text("type")).isEqualTo("https://keyledger.dev/problems/unauthorized");
        }
    }

    @Test
    void whenTheTokenLacksThePermission_thenBothSidesAnswer403Problems() {
        KeyledgerApi.Answer machine = KeyledgerApi.admin().register("no-admin-rights");
        String token = Eventually.get(Duration.ofSeconds(10),
                () -> KeyledgerApi.token(Topology.proxy(), machine.text("clientId"), machine.text("clientSecret")),
                answer -> answer.status() == 200, "a token for a machine without admin rights").text("access_token");
        KeyledgerApi machineApi = KeyledgerApi.bearing(token);

        assertThat(machineApi.get("/api/v1/clients").status()).isEqualTo(403);
        KeyledgerApi.Answer write = machineApi.post("/api/v1/clients", Map.of("name", "x"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.text("detail")).contains("keyledger:clients:write");
    }

    @Test
    void whenTheInternalCheckIsAskedThroughTheProxy_thenItIsNotThere() {
        assertThat(KeyledgerApi.admin().get("/internal/v1/admin-access").status()).isEqualTo(404);
    }
}
