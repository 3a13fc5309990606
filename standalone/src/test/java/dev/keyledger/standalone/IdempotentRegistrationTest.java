package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on registration: replays byte for byte, creates nothing twice, keeps secrets sealed. */
@KeyledgerService
class IdempotentRegistrationTest {

    private static final String BODY = "{\"name\":\"payments\",\"accessTokenTtlSeconds\":600}";

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenTheSameKeyAndBodyComeAgain_thenTheFirstAnswerIsReplayedExactlyAndNothingIsCreated() {
        AdminClient.Answer first = admin.post("/api/v1/clients", BODY, "Idempotency-Key", "replay-1");
        long events = keyledger.eventCount();
        AdminClient.Answer again = admin.post("/api/v1/clients", BODY, "Idempotency-Key", "replay-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(keyledger.eventCount()).isEqualTo(events);
    }

    @Test
    void whenTheSameKeyComesWithAnotherBody_thenItIs422AndNothingIsCreated() {
        admin.post("/api/v1/clients", BODY, "Idempotency-Key", "replay-2");
        long events = keyledger.eventCount();
        AdminClient.Answer other = admin.post("/api/v1/clients", "{\"name\":\"other\"}", "Idempotency-Key", "replay-2");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(keyledger.eventCount()).isEqualTo(events);
    }

    @Test
    void whenTheSameKeyArrivesManyTimesAtOnce_thenOneClientIsCreatedAndEveryoneGetsItsAnswer() {
        long events = keyledger.eventCount();
        List<CompletableFuture<AdminClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(CompletableFuture.supplyAsync(() ->
                    admin.post("/api/v1/clients", BODY, "Idempotency-Key", "storm")));
        }
        List<AdminClient.Answer> all = answers.stream().map(CompletableFuture::join).toList();
        assertThat(all).allMatch(answer -> answer.status() == 201);
        assertThat(all).extracting(answer -> answer.text("clientId")).containsOnly(all.get(0).text("clientId"));
        assertThat(keyledger.eventCount()).isEqualTo(events + 1);
    }

    @Test
    void whenAnAnswerIsStored_thenItsSecretIsSealed() {
        AdminClient.Answer first = admin.post("/api/v1/clients", BODY, "Idempotency-Key", "sealed");
        byte[] stored = keyledger.jdbc()
                .sql("SELECT sealed_body FROM command_idempotency WHERE idempotency_key = 'sealed'")
                .query(byte[].class).single();
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(first.text("clientSecret")).doesNotContain("kls_").doesNotContain("payments");
    }

    @Test
    void whenKeysDiffer_thenEachCreatesItsOwnClient() {
        String a = admin.post("/api/v1/clients", BODY, "Idempotency-Key", "distinct-a").text("clientId");
        String b = admin.post("/api/v1/clients", BODY, "Idempotency-Key", "distinct-b").text("clientId");
        assertThat(a).isNotEqualTo(b);
    }
}
