package dev.keyledger.standalone;

import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.token.authentication.ClientAuthCache;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

/** The standalone service started for real in the test JVM, on a random port and its own data folder. */
final class RunningKeyledger implements AutoCloseable {

    static final String ADMIN_ID = "bootstrap-admin";
    /** The same in every test: the bootstrap admin is created only once per data folder. */
    static final String ADMIN_SECRET = "test-bootstrap-secret-0123456789abcdefghijklmnop";

    /** For tests that run several nodes of one deployment: they must share the key-encryption key. */
    /** The external issuer every test service allow-lists (KEYLEDGER_FEDERATION_ISSUERS), unless told otherwise. */
    static final String TRUSTED_ISSUER = "https://issuer.keyledger.test";
    static final String SHARED_KEY_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** Well inside the bootstrap admin's token lifetime (3600 s). */
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(30);

    private final ConfigurableApplicationContext context;
    private String adminToken;
    private long adminTokenAt;

    private RunningKeyledger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningKeyledger start(Path dataDir, String... properties) {
        List<String> all = new ArrayList<>(List.of("keyledger.bootstrap.client-id=" + ADMIN_ID,
                "keyledger.bootstrap.client-secret=" + ADMIN_SECRET));
        all.addAll(List.of(properties));
        return startWithoutBootstrapCredentials(dataDir, all.toArray(String[]::new));
    }

    /**
     * Tests fail authentications on purpose, all from 127.0.0.1; unless a test is about throttling, the limits are
     * raised so that one test's failures do not throttle the next; {@link #TRUSTED_ISSUER} is allow-listed.
     */
    private static List<String> withTestDefaults(List<String> properties) {
        List<String> all = new ArrayList<>(properties);
        if (properties.stream().noneMatch(property -> property.startsWith("keyledger.token.throttle."))) {
            all.add("keyledger.token.throttle.pair-failures=1000000");
            all.add("keyledger.token.throttle.address-failures=1000000");
        }
        if (properties.stream().noneMatch(property -> property.startsWith("keyledger.federation.issuers="))) {
            all.add("keyledger.federation.issuers=" + TRUSTED_ISSUER);
        }
        return all;
    }

    static RunningKeyledger startWithoutBootstrapCredentials(Path dataDir, String... properties) {
        // As command-line arguments, they take precedence over application.properties, as a user's would.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--keyledger.data-dir=" + dataDir));
        for (String property : withTestDefaults(List.of(properties))) {
            arguments.add("--" + property);
        }
        return new RunningKeyledger(KeyledgerApplication.application()
                .run(arguments.toArray(String[]::new)));
    }

    /** A client of the admin API that authenticates as the bootstrap admin. */
    AdminClient admin() {
        return new AdminClient(baseUri(), this::adminToken);
    }

    /** A client that sends no access token. */
    AdminClient anonymous() {
        return new AdminClient(baseUri(), null);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * An access token for a client, waiting for the client auth view to know it (it follows the events within
     * milliseconds, but the service may have just started).
     */
    String tokenFor(String clientId, String secret, String... extraForm) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret)
                + (extraForm.length == 0 ? "" : "&" + String.join("&", extraForm));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ClientAuthCache cache = bean(ClientAuthCache.class);
        while (cache.find(clientId).isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        while (true) {
            AdminClient.Answer answer = anonymous().form("/oauth2/token", form);
            if (answer.status() == 200) {
                return answer.text("access_token");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no token for " + clientId + ": " + answer);
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /**
     * The bootstrap admin's token, once the auth view shows every admin permission: its role and its registration
     * are projected independently, so for a moment after the first start the client may hold no permission yet.
     */
    private synchronized String adminToken() {
        // A service shared by many test classes (KeyledgerService) may outlive a token's hour.
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_REUSE.toNanos()) {
            adminToken = newAdminToken();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** A token of its own for the bootstrap admin, holding every admin permission. */
    String newAdminToken() {
        return tokenHolding(ADMIN_ID, ADMIN_SECRET, AdminPermissions.ALL);
    }

    /** A token once the auth view shows the client with these permissions (its roles are projected apart from it). */
    String tokenHolding(String clientId, String secret, Collection<String> permissions) {
        ClientAuthCache cache = bean(ClientAuthCache.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!cache.find(clientId).map(entry -> entry.permissions().containsAll(permissions)).orElse(false)
                && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        return tokenFor(clientId, secret);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The management port (health, metrics), random like the public one: Spring's local.management.port. */
    int managementPort() {
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort());
    }

    /** A bean of the running service, to look at what HTTP does not show (the token endpoint's keys, say). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    long eventCount() {
        return jdbc().sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    long eventCount(String aggregateId) {
        return jdbc().sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    /** A TEXT[] column of a client's auth view row, in its stored order. */
    List<String> textArray(String column, String clientId) {
        return jdbc().sql("SELECT unnest(" + column + ") FROM query_client_auth WHERE client_id = ?")
                .param(clientId).query(String.class).list();
    }

    @Override
    public void close() {
        context.close();
    }
}
