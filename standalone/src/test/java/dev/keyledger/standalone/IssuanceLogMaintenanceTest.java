package dev.keyledger.standalone;

import dev.keyledger.token.issuance.IssuanceLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The issuance log's upkeep as the service runs it: partitions made ahead on start, each secret's lastUsedAt read by
 * both sides from outside them, the writer's counts at hand; a retention that is not a positive duration stops the
 * start (the partition drops and the writer's failures are tested against PostgreSQL in the token-endpoint module).
 */
// Not @KeyledgerService: a retention of its own, and a start that must fail.
class IssuanceLogMaintenanceTest {

    @TempDir
    Path dataDir;

    @Test
    void whenTheServiceStarts_thenTheComingWeekHasPartitionsAndTokensKeepLastUsedAtMoving() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "keyledger.issuance-log.retention=P30D")) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Eventually.holds("partitions up to a week ahead", () -> partitions(keyledger).containsAll(List.of(
                    partition(today), partition(today.plusDays(7)))));

            AdminClient admin = keyledger.admin();
            AdminClient.Answer client = admin.post("/api/v1/clients", "{\"name\":\"machine\"}");
            String path = "/api/v1/clients/" + client.text("clientId");
            keyledger.tokenFor(client.text("clientId"), client.text("clientSecret"));

            Eventually.holds("lastUsedAt on the query side", () -> used(admin.send("GET", path, null)));
            Eventually.holds("lastUsedAt on the command side", () -> used(admin.patch(path, "{}")));
            assertThat(keyledger.bean(IssuanceLog.class).stats().written()).isPositive();
            assertThat(keyledger.bean(IssuanceLog.class).stats().setAside()).isZero();
        }
    }

    @Test
    void whenTheRetentionIsNotAPositiveDuration_thenTheServiceDoesNotStart() {
        assertThatThrownBy(() -> RunningKeyledger.start(dataDir, "keyledger.issuance-log.retention=P0D").close())
                .hasStackTraceContaining("keyledger.issuance-log.retention");
    }

    private static boolean used(AdminClient.Answer client) {
        return client.json().findValues("lastUsedAt").stream().anyMatch(lastUsed -> !lastUsed.isNull());
    }

    private static List<String> partitions(RunningKeyledger keyledger) {
        return keyledger.jdbc().sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent = 'token_issuance_log'::regclass""")
                .query(String.class).list();
    }

    private static String partition(LocalDate day) {
        return "token_issuance_log_p" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
