package dev.keyledger.standalone;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import dev.keyledger.token.jose.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signing-key rotation while machines keep asking for tokens: no request fails, and every token issued before,
 * during and after the switch verifies at a resource server against the JWKS.
 */
// Not @KeyledgerService: rotates the signing keys every token of a shared service is signed with.
class SigningKeyRotationUnderLoadTest {

    @TempDir
    Path dataDir;

    @Test
    void whenKeysRotateUnderContinuousLoad_thenNoRequestIsLostAndEveryTokenVerifies() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "keyledger.keys.activation-delay=PT1S")) {
            AdminClient admin = keyledger.admin();
            AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"busy\"}");
            String id = registered.text("clientId");
            String secret = registered.text("clientSecret");
            keyledger.tokenFor(id, secret);
            SigningKeys keys = keyledger.bean(SigningKeys.class);
            String oldKid = keys.active().kid();

            List<String> tokens = new CopyOnWriteArrayList<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> machines = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                Thread machine = new Thread(() -> {
                    while (running.get()) {
                        AdminClient.Answer answer = keyledger.anonymous().form("/oauth2/token",
                                "grant_type=client_credentials", "Authorization", basic(id, secret));
                        if (answer.status() == 200) {
                            tokens.add(answer.text("access_token"));
                        } else {
                            failures.add(answer.toString());
                        }
                    }
                });
                machine.start();
                machines.add(machine);
            }
            assertThat(admin.post("/api/v1/signing-keys/rotate", null).status()).isEqualTo(202);
            waitUntil(() -> !keys.active().kid().equals(oldKid), Duration.ofSeconds(20));
            int atSwitch = tokens.size();
            waitUntil(() -> tokens.size() > atSwitch + 50, Duration.ofSeconds(20));
            running.set(false);
            for (Thread machine : machines) {
                machine.join();
            }

            assertThat(failures).isEmpty();
            NimbusJwtDecoder resourceServer = NimbusJwtDecoder
                    .withJwkSetUri(keyledger.baseUri() + "/.well-known/jwks.json")
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                            new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
                    .build();
            Set<String> kids = new HashSet<>();
            for (String token : tokens) {
                kids.add((String) resourceServer.decode(token).getHeaders().get("kid"));
            }
            assertThat(kids).as("tokens of both keys were issued and verified").hasSize(2).contains(oldKid);
        }
    }
}
