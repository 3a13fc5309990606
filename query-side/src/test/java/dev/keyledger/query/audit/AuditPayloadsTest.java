package dev.keyledger.query.audit;

import dev.keyledger.kernel.audit.WireNames;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.SecondarySecretAdded;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.keyledger.query.testing.Events.roles;
import static dev.keyledger.query.testing.Events.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** The payload registry: complete, explicit, and never a hash. */
class AuditPayloadsTest {

    private static final ClientId ID = new ClientId("c1");
    private static final HashedSecret FIRST = secret("s1", "kls_first-secret-AAAA");
    private static final HashedSecret SECOND = secret("s2", "kls_second-secret-BBBB");

    @Test
    void whenAnEventTypeHasAWireName_thenItHasAPayloadMapper() {
        assertThat(AuditPayloads.types()).containsExactlyInAnyOrderElementsOf(WireNames.all().keySet());
    }

    @Test
    void whenSecretsAreInTheEvent_thenThePayloadShowsIdSlotHintAndExpiryButNoHash() {
        List<Object> events = List.of(
                new ClientRegistered(ID, "svc", null, roles("b", "a"), 900, List.of(URI.create("https://x")), FIRST),
                new SecondarySecretAdded(ID, SECOND),
                new ClientSecretRotated(ID, SECOND, FIRST.secretId()));
        for (Object event : events) {
            String payload = AuditPayloads.of(event).orElseThrow().toString();
            assertThat(payload).doesNotContain(FIRST.hash().sha256()).doesNotContain(SECOND.hash().sha256());
        }
        Map<String, Object> registered = AuditPayloads.of(events.get(0)).orElseThrow();
        assertThat(registered.get("roles")).isEqualTo(List.of("a", "b"));
        @SuppressWarnings("unchecked")
        Map<String, Object> primary = (Map<String, Object>) registered.get("primarySecret");
        assertThat(primary).containsOnlyKeys("secretId", "slot", "hint", "expiresAt");
        assertThat(primary.get("secretId")).isEqualTo("s1");
        assertThat(primary.get("slot")).isEqualTo("PRIMARY");
        assertThat(primary.get("hint")).isEqualTo("AAAA");
    }

    @Test
    void whenDetailsChange_thenOnlyTheChangedFieldsAppear() {
        Map<String, Object> payload = AuditPayloads.of(new ClientDetailsChanged(ID, null, "", 120, null))
                .orElseThrow();
        assertThat(payload).containsOnlyKeys("clientId", "description", "accessTokenTtlSeconds");
        assertThat(payload.get("description")).isEqualTo("");
    }
}
