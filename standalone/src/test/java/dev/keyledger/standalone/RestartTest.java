package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone service keeps every client and its whole history across a restart on the same data folder. */
// Not @KeyledgerService: restarts the service on its data folder.
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void whenTheServiceRestarts_thenEveryClientAndItsHistoryAreStillThere() {
        String clientId;
        JsonNode before;
        List<String> historyBefore;
        String idempotentAnswer;
        try (RunningKeyledger first = RunningKeyledger.start(dataDir)) {
            AdminClient admin = first.admin();
            admin.post("/api/v1/roles", "{\"name\":\"ops\",\"permissions\":[\"ops:run\"]}");
            AdminClient.Answer registered = admin.post("/api/v1/clients",
                    "{\"name\":\"job\",\"roles\":[\"ops\"]}", "Idempotency-Key", "restart-key");
            idempotentAnswer = registered.body();
            clientId = registered.text("clientId");
            admin.post("/api/v1/clients/" + clientId + "/secrets/rotate", null);
            admin.post("/api/v1/clients/" + clientId + "/disable", null);
            before = admin.patch("/api/v1/clients/" + clientId, "{}").json();
            historyBefore = history(first, clientId);
        }

        try (RunningKeyledger second = RunningKeyledger.start(dataDir)) {
            AdminClient admin = second.admin();
            assertThat(admin.patch("/api/v1/clients/" + clientId, "{}").json()).isEqualTo(before);
            assertThat(history(second, clientId)).isEqualTo(historyBefore).hasSize(3);
            assertThat(admin.post("/api/v1/clients", "{\"name\":\"job\",\"roles\":[\"ops\"]}",
                    "Idempotency-Key", "restart-key").body()).isEqualTo(idempotentAnswer);
            assertThat(admin.post("/api/v1/clients/" + clientId + "/enable", null).version()).isEqualTo(3);
        }
    }

    @Test
    void whenTheDataFolderIsInUse_thenASecondServiceRefusesToStart() {
        try (RunningKeyledger first = RunningKeyledger.start(dataDir)) {
            assertThatThrownBy(() -> RunningKeyledger.start(dataDir).close())
                    .hasStackTraceContaining("is in use by another Keyledger process");
            assertThat(first.admin().post("/api/v1/clients", "{\"name\":\"still-fine\"}").status()).isEqualTo(201);
        }
    }

    @Test
    void whenTheDataFolderIsCreated_thenOnlyItsOwnerCanReadItAndTheKeyEncryptionKey() throws Exception {
        try (RunningKeyledger ignored = RunningKeyledger.start(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            Path key = dataDir.resolve("key-encryption-key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
    }

    private static List<String> history(RunningKeyledger keyledger, String clientId) {
        return keyledger.jdbc().sql("""
                        SELECT eventidentifier || ' ' || payloadtype || ' ' || timestamp FROM domainevententry
                         WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(clientId).query(String.class).list();
    }
}
