package dev.keyledger.query.processing;

import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.query.auth.ClientAuthStore;
import dev.keyledger.query.client.ClientProjector;
import dev.keyledger.query.client.ClientViewStore;
import dev.keyledger.query.role.RoleProjector;
import dev.keyledger.query.role.RoleViewStore;
import dev.keyledger.query.testing.TestDatabase;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static dev.keyledger.query.testing.Events.at;
import static dev.keyledger.query.testing.Events.client;
import static dev.keyledger.query.testing.Events.permissions;
import static dev.keyledger.query.testing.Events.role;
import static dev.keyledger.query.testing.Events.roles;
import static dev.keyledger.query.testing.Events.secret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projectors of the views, called as Axon would call them, on a real PostgreSQL: the client auth view's
 * contract (revisions, permissions recomputed on role changes, rows never deleted) and idempotence.
 */
class ViewsOnPostgresTest {

    private static final ClientId C1 = client("c1");
    private static final ClientId C2 = client("c2");
    private static final HashedSecret FIRST = secret("s1", "kls_first-secret-AAAA");
    private static final HashedSecret SECOND = secret("s2", "kls_second-secret-BBBB");

    private JdbcClient jdbc;
    private ClientProjector clients;
    private RoleProjector roleProjector;

    @BeforeEach
    void emptyViews() {
        jdbc = TestDatabase.emptied();
        JdbcTemplate template = new JdbcTemplate(TestDatabase.dataSource());
        ClientViewStore clientViews = new ClientViewStore(template);
        ClientAuthStore auth = new ClientAuthStore(template);
        clients = new ClientProjector(clientViews, auth);
        roleProjector = new RoleProjector(new RoleViewStore(jdbc), clientViews, auth);
    }

    private void project(ClientEvent event, long sequence) {
        clients.on(event, sequence, at((int) sequence), ReplayStatus.REGULAR);
    }

    private void project(RoleEvent event, long sequence) {
        roleProjector.on(event, sequence, at((int) sequence), ReplayStatus.REGULAR);
    }

    private static ClientRegistered registered(ClientId id, String... roleNames) {
        return new ClientRegistered(id, "svc", null, roles(roleNames), 900, List.of(), FIRST);
    }

    private Map<String, Object> authRow(ClientId id) {
        return jdbc.sql("SELECT * FROM query_client_auth WHERE client_id = ?").param(id.value()).query().singleRow();
    }

    /** The whole row as PostgreSQL prints it, for comparisons. */
    private String authRowText(ClientId id) {
        return jdbc.sql("SELECT a::text FROM query_client_auth a WHERE client_id = ?").param(id.value())
                .query(String.class).single();
    }

    private List<String> authPermissions(ClientId id) {
        return jdbc.sql("SELECT unnest(permissions) FROM query_client_auth WHERE client_id = ?")
                .param(id.value()).query(String.class).list();
    }

    private List<String> viewPermissions(ClientId id) {
        return jdbc.sql("SELECT unnest(permissions) FROM query_client WHERE client_id = ?")
                .param(id.value()).query(String.class).list();
    }

    private long revision(ClientId id) {
        return ((Number) authRow(id).get("revision")).longValue();
    }

    @Test
    void whenAClientIsProjectedBeforeItsRolesCreation_thenTheCreationGivesItThePermissions() {
        project(registered(C1, "reader"), 0);
        assertThat(authPermissions(C1)).isEmpty();
        long before = revision(C1);

        project(new RoleCreated(role("reader"), null, permissions("b:read", "a:read")), 0);

        assertThat(authPermissions(C1)).containsExactly("a:read", "b:read");
        assertThat(viewPermissions(C1)).containsExactly("a:read", "b:read");
        assertThat(revision(C1)).isGreaterThan(before);
    }

    @Test
    void whenARolesPermissionsAreReplaced_thenOnlyItsHoldersChangeAndTakeNewRevisions() {
        project(new RoleCreated(role("reader"), null, permissions("a:read")), 0);
        project(new RoleCreated(role("other"), null, permissions("z:all")), 0);
        project(registered(C1, "reader"), 0);
        project(registered(C2, "other"), 0);
        long holder = revision(C1);
        long bystander = revision(C2);

        project(new RolePermissionsReplaced(role("reader"), permissions("a:read", "a:write"), permissions("a:write"),
                permissions()), 1);

        assertThat(authPermissions(C1)).containsExactly("a:read", "a:write");
        assertThat(revision(C1)).isGreaterThan(holder);
        assertThat(revision(C2)).isEqualTo(bystander);
    }

    @Test
    void whenARoleIsDeleted_thenItsPermissionsLeaveItsHoldersEvenBeforeTheyAreUnassigned() {
        project(new RoleCreated(role("reader"), null, permissions("a:read")), 0);
        project(new RoleCreated(role("writer"), null, permissions("a:write")), 0);
        project(registered(C1, "reader", "writer"), 0);

        project(new RoleDeleted(role("writer")), 1);

        assertThat(authPermissions(C1)).containsExactly("a:read");
        assertThat(authRow(C1).get("roles").toString()).contains("writer");
    }

    @Test
    void whenEventsAreRedelivered_thenNothingChangesAndNoRevisionIsTaken() {
        project(new RoleCreated(role("reader"), null, permissions("a:read")), 0);
        project(registered(C1), 0);
        project(new RoleAssigned(C1, role("reader")), 1);
        String before = authRowText(C1);

        project(registered(C1), 0);
        project(new RoleAssigned(C1, role("reader")), 1);
        project(new RoleCreated(role("reader"), null, permissions("a:read")), 0);

        assertThat(authRowText(C1)).isEqualTo(before);
    }

    @Test
    void whenSecretsRotateAndTheClientIsDeleted_thenTheRowKeepsBothSlotsAndStaysAsDeleted() {
        project(registered(C1), 0);
        project(new ClientSecretRotated(C1, SECOND, FIRST.secretId()), 1);
        Map<String, Object> rotated = authRow(C1);
        assertThat(rotated.get("primary_secret_id")).isEqualTo("s2");
        assertThat(rotated.get("primary_hash")).isEqualTo(SECOND.hash().sha256());
        assertThat(rotated.get("secondary_secret_id")).isEqualTo("s1");
        assertThat(rotated.get("secondary_hash")).isEqualTo(FIRST.hash().sha256());

        project(new ClientDeleted(C1), 2);

        Map<String, Object> deleted = authRow(C1);
        assertThat(deleted.get("status")).isEqualTo("DELETED");
        assertThat(deleted.get("version")).isEqualTo(2L);
        assertThat((Long) deleted.get("revision")).isGreaterThan((Long) rotated.get("revision"));
    }

    @Test
    void whenEventsAreReplayed_thenTheAuthViewIsLeftAsItWas() {
        project(registered(C1), 0);
        project(new ClientDeleted(C1), 1);
        String before = authRowText(C1);
        jdbc.sql("TRUNCATE query_client").update();

        clients.on(registered(C1), 0, at(0), ReplayStatus.REPLAY);

        assertThat(authRowText(C1)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM query_client").query(String.class).single()).isEqualTo("ACTIVE");
    }
}
