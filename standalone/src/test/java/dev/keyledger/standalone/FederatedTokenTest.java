package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.keyledger.token.authentication.ClientAuthCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.keyledger.standalone.TokenEndpointTest.assertOAuthError;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workload identity federation at the token endpoint over real HTTP (API.md §1): workloads' own tokens, signed by
 * issuers the JDK's HTTP server plays inside the test (OIDC discovery and JWKS, as GitHub Actions; a static JWK Set
 * file, as a Kubernetes cluster), authenticate a client whose federated credential matches their {@code iss},
 * {@code sub} and {@code aud}; everything else is the same {@code invalid_client}. Keys are refreshed on an unknown
 * {@code kid} at a bounded rate, and an issuer that is away, slow or answers other than JSON stops no one else.
 */
// Not @KeyledgerService: the allow-list names issuers on this test's own server, known only once it runs.
class FederatedTokenTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String AUDIENCE = "https://keyledger.example";
    private static final String KUBERNETES = "https://kubernetes.default.svc.cluster.local";
    private static final String MAIN_BRANCH = "repo:acme/billing:ref:refs/heads/main";

    @TempDir
    static Path dir;

    private static HttpServer server;
    private static TestIssuer github;
    private static TestIssuer rotating;
    private static TestIssuer held;
    private static TestIssuer wrongType;
    private static TestIssuer stranger;
    private static TestIssuer introspection;
    private static RSAKey cluster;
    private static String unreachable;
    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestIssuer.server();
        github = TestIssuer.on(server, "github");
        rotating = TestIssuer.on(server, "rotating");
        held = TestIssuer.on(server, "held");
        wrongType = TestIssuer.on(server, "wrong-type");
        stranger = TestIssuer.on(server, "stranger");
        introspection = TestIssuer.on(server, "introspection");
        cluster = TestIssuer.newKey("cluster-1");
        Path clusterJwks = Files.writeString(dir.resolve("cluster-jwks.json"),
                "{\"keys\":[" + cluster.toPublicJWK().toJSONString() + "]}");
        try (ServerSocket closed = new ServerSocket(0)) {
            unreachable = "http://127.0.0.1:" + closed.getLocalPort() + "/gone";
        }
        keyledger = RunningKeyledger.start(dir.resolve("data"),
                "keyledger.federation.issuers=" + String.join(",", github.url(), rotating.url(), held.url(),
                        wrongType.url(), introspection.url(), unreachable, KUBERNETES + "=" + clusterJwks.toUri()),
                "keyledger.federation.allow-insecure-loopback=true",
                "keyledger.federation.jwks-min-refresh-interval=PT1S",
                "keyledger.federation.fetch-timeout=PT5S");
        admin = keyledger.admin();
    }

    @AfterAll
    static void stop() {
        if (keyledger != null) {
            keyledger.close();
        }
        held.releaseHeldFetches();
        server.stop(0);
    }

    @Test
    void whenAGitHubJobsTokenMatchesASubjectPattern_thenTokensAgainAndAgainAndTheLogAndViewsNameTheCredential() {
        String clientId = client("ci-deployer");
        String credentialId = trust(clientId, github.url(), "repo:acme/billing:*").text("credentialId");
        String workloadToken = github.token(claims(github.url(), MAIN_BRANCH));

        waitUntil(() -> token(clientId, workloadToken).status() == 200, Duration.ofSeconds(10));
        AdminClient.Answer again = token(clientId, workloadToken);

        assertThat(again.status()).as("a workload token may be presented again").isEqualTo(200);
        waitUntil(() -> {
            JsonNode items = admin.send("GET", "/api/v1/clients/" + clientId + "/token-events", null).json()
                    .get("items");
            // The log is written in batches, a moment after the answer.
            JsonNode last = items.isEmpty() ? null : items.get(items.size() - 1);
            return last != null && last.get("outcome").asText().equals("ISSUED")
                    && last.get("credentialId").asText().equals(credentialId) && last.get("secretId").isNull();
        }, Duration.ofSeconds(5));
        String path = "/api/v1/clients/" + clientId;
        waitUntil(() -> !admin.send("GET", path, null).json().at("/federatedCredentials/0/lastUsedAt").isNull(),
                Duration.ofSeconds(5));
        assertThat(admin.patch(path, "{}").json().at("/federatedCredentials/0/lastUsedAt").asText()).isNotBlank();
    }

    @Test
    void whenAWorkloadIntrospectsWithItsOwnTokenFirst_thenTheIssuersKeysAreFetchedForItToo() {
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("introspecting-workload") + "\"}");
        String clientId = registered.text("clientId");
        trust(clientId, introspection.url(), "workload");
        String accessToken = keyledger.tokenFor(clientId, registered.text("clientSecret"));
        ClientAuthCache cache = keyledger.bean(ClientAuthCache.class);
        waitUntil(() -> cache.find(clientId).map(client -> !client.federated().isEmpty()).orElse(false),
                Duration.ofSeconds(10));
        String workloadToken = introspection.token(claims(introspection.url(), "workload"));

        AdminClient.Answer introspected = keyledger.anonymous().form("/oauth2/introspect", "token=" + accessToken
                + "&client_id=" + clientId + "&client_assertion_type=" + JWT_BEARER + "&client_assertion="
                + workloadToken);

        assertThat(introspection.jwksFetches()).as("no token request fetched these keys before").isEqualTo(1);
        assertThat(introspected.status()).as(introspected.body()).isEqualTo(200);
        assertThat(introspected.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void whenAKubernetesTokenIsVerifiedWithTheOperatorsStaticKeySet_thenAToken() {
        String clientId = client("cluster-workload");
        trust(clientId, KUBERNETES, "system:serviceaccount:payments:*");
        String workloadToken = TestIssuer.token(cluster, claims(KUBERNETES, "system:serviceaccount:payments:api"));

        waitUntil(() -> token(clientId, workloadToken).status() == 200, Duration.ofSeconds(10));
    }

    @Test
    void whenAnyRuleIsBroken_thenInvalidClientWithTheSameAnswerEveryTime() {
        String clientId = client("strict-deployer");
        String other = client("other-deployer");
        trust(clientId, github.url(), MAIN_BRANCH);
        trust(other, github.url(), "repo:acme/other:*");
        waitUntil(() -> token(clientId, github.token(claims(github.url(), MAIN_BRANCH))).status() == 200,
                Duration.ofSeconds(10));
        Instant now = Instant.now();
        List<AdminClient.Answer> refused = new ArrayList<>();
        refused.add(token(clientId, github.token(with(MAIN_BRANCH, builder -> builder.audience("https://other")))));
        refused.add(token(clientId, github.token(claims(github.url(), "repo:acme/billing:ref:refs/heads/dev"))));
        refused.add(token(clientId, github.token(claims(github.url(), "repo:acme/billing:pull_request"))));
        refused.add(token(clientId, github.token(with(MAIN_BRANCH,
                builder -> builder.expirationTime(Date.from(now.minusSeconds(5)))))));
        refused.add(token(clientId, github.token(with(MAIN_BRANCH, builder -> builder.expirationTime(null)))));
        refused.add(token(clientId, github.token(with(MAIN_BRANCH,
                builder -> builder.claim("exp", PrivateKeyJwtTest.BEYOND_INSTANT)))));
        refused.add(token(clientId, github.token(with(MAIN_BRANCH,
                builder -> builder.claim("nbf", -PrivateKeyJwtTest.BEYOND_INSTANT)))));
        refused.add(token(clientId, github.token(with(MAIN_BRANCH,
                builder -> builder.notBeforeTime(Date.from(now.plusSeconds(600)))))));
        refused.add(token(clientId, critical(github.key(), claims(github.url(), MAIN_BRANCH))));
        // The issuer's kid, another key: a forger who knows the key set.
        RSAKey forged = new RSAKey.Builder(TestIssuer.newKey("x")).keyID(github.key().getKeyID()).build();
        refused.add(token(clientId, TestIssuer.token(forged, claims(github.url(), MAIN_BRANCH))));
        // Another client's workload naming this client, and this client's workload without client_id.
        refused.add(token(clientId, github.token(claims(github.url(), "repo:acme/other:ref:refs/heads/main"))));
        refused.add(keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials"
                + "&client_assertion_type=" + JWT_BEARER + "&client_assertion="
                + github.token(claims(github.url(), MAIN_BRANCH))));
        // A prefix pattern ends at a separator: repo:acme/other:* does not trust repo:acme/other-evil.
        refused.add(token(other, github.token(claims(github.url(), "repo:acme/other-evil:ref:refs/heads/main"))));

        for (AdminClient.Answer answer : refused) {
            assertOAuthError(answer, 401, "invalid_client");
            assertThat(answer.body()).isEqualTo(refused.get(0).body());
        }
    }

    @Test
    void whenAnIssuerIsNotAllowListed_thenNoRuleCanNameItAndItsTokensAreRefusedWithoutAFetch() {
        String clientId = client("stranger-trusting");

        AdminClient.Answer rule = admin.post("/api/v1/clients/" + clientId + "/federated-credentials",
                rule(stranger.url(), "anything"));
        AdminClient.Answer answer = token(clientId, stranger.token(claims(stranger.url(), "anything")));

        assertThat(rule.status()).isEqualTo(400);
        assertOAuthError(answer, 401, "invalid_client");
        assertThat(stranger.jwksFetches()).isZero();
    }

    @Test
    void whenTheCallerIsThrottled_thenNoFetch_andWhetherAFetchHappensDoesNotDependOnTheClientsRules() {
        TestIssuer guarded = TestIssuer.on(server, "guarded");
        try (RunningKeyledger strict = RunningKeyledger.start(dir.resolve("strict"),
                "keyledger.federation.issuers=" + guarded.url(),
                "keyledger.federation.allow-insecure-loopback=true",
                "keyledger.token.throttle.pair-failures=3",
                "keyledger.token.throttle.address-failures=1000000")) {
            AdminClient strictAdmin = strict.admin();
            String throttled = strictAdmin.post("/api/v1/clients",
                    "{\"name\":\"" + UniqueNames.unique("throttled-workload") + "\"}").text("clientId");
            assertThat(strictAdmin.post("/api/v1/clients/" + throttled + "/federated-credentials",
                    rule(guarded.url(), "workload")).status()).isEqualTo(201);
            ClientAuthCache cache = strict.bean(ClientAuthCache.class);
            waitUntil(() -> cache.find(throttled).map(client -> !client.federated().isEmpty()).orElse(false),
                    Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                assertOAuthError(strict.anonymous().form("/oauth2/token", "grant_type=client_credentials&client_id="
                        + throttled + "&client_secret=not-the-secret"), 401, "invalid_client");
            }
            String workloadToken = guarded.token(claims(guarded.url(), "workload"));

            AdminClient.Answer slowed = strict.anonymous().form("/oauth2/token", "grant_type=client_credentials"
                    + "&client_id=" + throttled + "&client_assertion_type=" + JWT_BEARER + "&client_assertion="
                    + workloadToken);

            assertOAuthError(slowed, 429, "slow_down");
            assertThat(guarded.jwksFetches()).as("a throttled caller makes Keyledger fetch nothing").isZero();

            // A client that trusts no issuer at all: the issuer's keys are fetched all the same, so the time of the
            // answer does not tell whether the named client trusts this issuer.
            String trustsNothing = strictAdmin.post("/api/v1/clients",
                    "{\"name\":\"" + UniqueNames.unique("trusts-nothing") + "\"}").text("clientId");
            assertOAuthError(strict.anonymous().form("/oauth2/token", "grant_type=client_credentials"
                    + "&client_id=" + trustsNothing + "&client_assertion_type=" + JWT_BEARER + "&client_assertion="
                    + workloadToken), 401, "invalid_client");
            assertThat(guarded.jwksFetches()).isEqualTo(1);
        }
    }

    @Test
    void whenTheIssuerRotatesItsKeys_thenAnUnknownKidRefreshesThemAtABoundedRate() {
        String clientId = client("rotating-workload");
        trust(clientId, rotating.url(), "workload");
        waitUntil(() -> token(clientId, rotating.token(claims(rotating.url(), "workload"))).status() == 200,
                Duration.ofSeconds(10));

        rotating.rotate("rotating-2");
        waitUntil(() -> token(clientId, rotating.token(claims(rotating.url(), "workload"))).status() == 200,
                Duration.ofSeconds(10));

        int fetchesBefore = rotating.jwksFetches();
        long started = System.nanoTime();
        RSAKey madeUp = TestIssuer.newKey("made-up");
        for (int i = 0; i < 30; i++) {
            assertOAuthError(token(clientId, TestIssuer.token(madeUp, claims(rotating.url(), "workload"))), 401,
                    "invalid_client");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        // At most one fetch per jwks-min-refresh-interval (1 s here), however many unknown kids arrive.
        assertThat(rotating.jwksFetches() - fetchesBefore).isLessThanOrEqualTo((int) seconds + 1);
    }

    @Test
    void whenTheIssuerIsUnreachableOrAnswersOtherThanJson_thenItsTokensAreRefusedAndSecretsStillWork() {
        String away = client("away-workload");
        trust(away, unreachable, "workload");
        String html = client("html-workload");
        trust(html, wrongType.url(), "workload");
        wrongType.behave(TestIssuer.Behaviour.WRONG_CONTENT_TYPE);
        AdminClient.Answer secretClient = admin.post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("s") + "\"}");

        // Signed by some key: nothing can be fetched to verify it with.
        assertOAuthError(token(away, TestIssuer.token(TestIssuer.newKey("a"), claims(unreachable, "workload"))),
                401, "invalid_client");
        assertOAuthError(token(html, wrongType.token(claims(wrongType.url(), "workload"))), 401, "invalid_client");

        assertThat(wrongType.jwksFetches()).isPositive();
        assertThat(keyledger.tokenFor(secretClient.text("clientId"), secretClient.text("clientSecret"))).isNotBlank();
        waitUntil(() -> lastReason(away).equals("unknown-issuer-key") && lastReason(html).equals("unknown-issuer-key"),
                Duration.ofSeconds(5));
    }

    @Test
    void whenTheIssuerHoldsItsKeyFetches_thenOtherClientsAreServedMeanwhileAndItsTokensAreRefusedInTime()
            throws Exception {
        String waiting = client("held-workload");
        trust(waiting, held.url(), "workload");
        AdminClient.Answer secretClient = admin.post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("s") + "\"}");
        String secretId = secretClient.text("clientId");
        keyledger.tokenFor(secretId, secretClient.text("clientSecret"));
        held.behave(TestIssuer.Behaviour.HELD);

        // As many waiting federated requests as there are signing turns: were a fetch made in a turn, none would be
        // left for anyone else until the fetch timed out.
        int turns = Runtime.getRuntime().availableProcessors();
        ExecutorService callers = Executors.newFixedThreadPool(turns);
        List<CompletableFuture<AdminClient.Answer>> federated = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            federated.add(CompletableFuture.supplyAsync(
                    () -> token(waiting, held.token(claims(held.url(), "workload"))), callers));
        }
        assertThat(held.awaitHeldFetch()).isTrue();
        String secretToken = keyledger.tokenFor(secretId, secretClient.text("clientSecret"));

        assertThat(secretToken).isNotBlank();
        assertThat(federated).noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<AdminClient.Answer> answer : federated) {
            assertOAuthError(answer.get(), 401, "invalid_client");
        }
        callers.shutdown();
        held.releaseHeldFetches();
        waitUntil(() -> token(waiting, held.token(claims(held.url(), "workload"))).status() == 200,
                Duration.ofSeconds(10));
    }

    @Test
    void whenAssertionsAuthenticateOrFail_thenTheTokenRequestOutcomesCountThem() throws Exception {
        String clientId = client("counted-workload");
        trust(clientId, github.url(), MAIN_BRANCH);
        ECKey own = new ECKeyGenerator(Curve.P_256).keyID("counted-1").generate();
        admin.post("/api/v1/clients/" + clientId + "/keys", "{\"jwk\":" + own.toPublicJWK().toJSONString() + "}");
        String workloadToken = github.token(claims(github.url(), MAIN_BRANCH));
        waitUntil(() -> token(clientId, workloadToken).status() == 200
                && token(clientId, ownAssertion(own, clientId)).status() == 200, Duration.ofSeconds(10));
        Map<String, Double> before = tokenRequests();

        String replayed = ownAssertion(own, clientId);
        token(clientId, replayed);
        token(clientId, replayed);
        token(clientId, workloadToken);
        token(clientId, github.token(with(MAIN_BRANCH, builder -> builder.audience("https://other"))));
        keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=x&client_assertion_type=" + JWT_BEARER + "&client_assertion=" + workloadToken);
        // The answer is written before its request is counted: wait for the count, then check it is exact.
        waitUntil(() -> tokenRequests().get("invalid_request") > before.get("invalid_request"),
                Duration.ofSeconds(5));
        Map<String, Double> after = tokenRequests();

        assertThat(after.get("issued") - before.get("issued")).isEqualTo(2);
        assertThat(after.get("invalid_client") - before.get("invalid_client")).isEqualTo(2);
        assertThat(after.get("invalid_request") - before.get("invalid_request")).isEqualTo(1);
    }

    /** {@code keyledger_token_requests_total} by outcome, as Prometheus scrapes it. */
    private static Map<String, Double> tokenRequests() {
        Map<String, Double> counts = new HashMap<>();
        Matcher sample = Pattern.compile("^keyledger_token_requests_total\\{.*outcome=\"([a-z_]+)\".*} (\\S+)$",
                Pattern.MULTILINE).matcher(new AdminClient(keyledger.managementUri(), null)
                .send("GET", "/actuator/prometheus", null).body());
        while (sample.find()) {
            counts.merge(sample.group(1), Double.parseDouble(sample.group(2)), Double::sum);
        }
        return counts;
    }

    private static String ownAssertion(ECKey own, String clientId) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(own.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                        .audience("http://localhost:" + keyledger.port() + "/oauth2/token")
                        .expirationTime(Date.from(now.plusSeconds(60)))
                        .jwtID(UUID.randomUUID().toString()).build());
        try {
            jwt.sign(new ECDSASigner(own));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signed by the issuer's own key, with an extension the header marks critical (RFC 7515 §4.1.11). */
    private static String critical(RSAKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .customParam("urn:example:policy", "strict").criticalParams(Set.of("urn:example:policy")).build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String client(String name) {
        return admin.post("/api/v1/clients", "{\"name\":\"" + UniqueNames.unique(name) + "\"}").text("clientId");
    }

    private static AdminClient.Answer trust(String clientId, String issuer, String subject) {
        AdminClient.Answer added = admin.post("/api/v1/clients/" + clientId + "/federated-credentials",
                rule(issuer, subject));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added;
    }

    private static String rule(String issuer, String subject) {
        return "{\"issuer\":\"" + issuer + "\",\"subject\":\"" + subject + "\",\"audiences\":[\"" + AUDIENCE + "\"]}";
    }

    private static String lastReason(String clientId) {
        JsonNode items = admin.send("GET", "/api/v1/clients/" + clientId + "/token-events", null).json().get("items");
        return items.isEmpty() ? "" : items.get(items.size() - 1).path("reason").asText();
    }

    private static AdminClient.Answer token(String clientId, String workloadToken) {
        return keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials&client_id=" + clientId
                + "&client_assertion_type=" + JWT_BEARER + "&client_assertion=" + workloadToken);
    }

    private static JWTClaimsSet claims(String issuer, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build();
    }

    private static JWTClaimsSet with(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims(github.url(), subject))).build();
    }
}
