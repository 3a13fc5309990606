package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@KeyledgerService
class OpenApiDocumentTest {

    private static RunningKeyledger keyledger;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
    }

    @Test
    void dump() throws Exception {
        AdminClient.Answer answer = keyledger.anonymous().send("GET", "/api/v1/openapi.json", null);
        Files.write(Path.of("target/openapi-dump.json"), answer.bytes());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
