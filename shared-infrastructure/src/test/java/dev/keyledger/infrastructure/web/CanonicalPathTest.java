package dev.keyledger.infrastructure.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/clients", "/api/v1/clients/abc-DEF_123~x", "/.well-known/jwks.json",
            "/api/v1/roles/a.b", "/api/v1/clients/a%20b", "/api/v1/x%3Fy", "/api/v1/x%C3%A9"})
    void whenThePathIsCanonical_thenItPasses(String path) {
        assertThat(CanonicalPath.violation(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/v1", "/api/v1/clients;x", "/api;x/v1/clients", "/api/v1/clients;jsessionid=1",
            "/%61pi/v1/clients", "/api/v1/%63lients", "/api/v1/%63Lients", "/api/v1%2Fclients", "/api/v1%2fclients",
            "/api//v1/clients", "//api/v1/clients", "/api/v1/clients//", "/api/./v1/clients", "/api/v1/x/../clients",
            "/api/v1/clients/.", "/api/v1/clients/..", "/api/v1/%2e%2e/clients", "/api/v1/%2E/clients",
            "/api\\v1\\clients", "/api/v1/clients%5C", "/api/v1/clients%3b", "/api/v1/clients%3Bx",
            "/api/v1/%2563lients", "/api/v1/clients%00", "/api/v1/clients%", "/api/v1/clients%6", "/api/v1/clients%zz",
            "/api/v1/clients%7E", "/api/v1/cli ents", "/api/v1/clients\t", "/api/v1/clé"})
    void whenThePathIsSpelledAnotherWay_thenItIsRefused(String path) {
        assertThat(CanonicalPath.violation(path)).isNotNull();
    }
}
