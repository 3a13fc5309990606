package dev.keyledger.command.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.secret.NewSecret;
import dev.keyledger.command.secret.SecretGenerator;
import dev.keyledger.infrastructure.crypto.SecretFiles;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.command.CreateRole;
import dev.keyledger.kernel.secret.HashedSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * On the first start with an empty store, creates the role {@value #ROLE} holding every admin permission and a
 * client holding it, so that someone can obtain the first admin token. Its id and secret come from
 * {@code KEYLEDGER_BOOTSTRAP_CLIENT_ID}/{@code _SECRET}; otherwise they are generated and written once to
 * {@code ${KEYLEDGER_DATA_DIR}/bootstrap-admin.json}, readable by its owner only. The secret is never logged.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final String ROLE = "keyledger-admin";
    static final String FILE = "bootstrap-admin.json";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final long ADVISORY_LOCK = 0x4b4c_424f_4f54L; // "KLBOOT": one bootstrap across nodes

    private final CommandDispatcher dispatcher;
    private final SecretGenerator secrets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final String configuredId;
    private final String configuredSecret;
    private final Path dataDir;

    BootstrapAdmin(CommandDispatcher dispatcher, SecretGenerator secrets, JdbcClient jdbc,
                   TransactionTemplate transaction, ObjectMapper json,
                   @Value("${keyledger.bootstrap.client-id:}") String configuredId,
                   @Value("${keyledger.bootstrap.client-secret:}") String configuredSecret,
                   @Value("${keyledger.data-dir:./data}") String dataDir) {
        this.dispatcher = dispatcher;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.configuredId = configuredId;
        this.configuredSecret = configuredSecret;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) {
        SecretFiles.requireOwnerOnly(dataDir.resolve(FILE), "the bootstrap admin's client secret");
        if (!configuredSecret.isEmpty() && configuredSecret.length() < 32) {
            throw new IllegalStateException("KEYLEDGER_BOOTSTRAP_CLIENT_SECRET must have at least 32 characters");
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ADVISORY_LOCK).query(Object.class).single();
            if (hasClients()) {
                return;
            }
            createAdmin();
        });
    }

    private boolean hasClients() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE type = 'Client')")
                .query(Boolean.class).single();
    }

    private void createAdmin() {
        AuditContext system = new AuditContext(AuditMetadata.SYSTEM_ACTOR, UUID.randomUUID().toString(), "local");
        ClientId clientId = configuredId.isEmpty() ? ClientId.generate() : new ClientId(configuredId);
        Set<Permission> permissions = AdminPermissions.ALL.stream().map(Permission::new).collect(Collectors.toSet());
        if (!roleExists()) {
            dispatcher.send(new CreateRole(new RoleName(ROLE), "Keyledger administration", permissions), system);
        }
        String plaintext;
        HashedSecret hashed;
        if (configuredSecret.isEmpty()) {
            NewSecret secret = secrets.generate(null);
            plaintext = secret.plaintext();
            hashed = secret.hashed();
        } else {
            plaintext = null;
            hashed = HashedSecret.of(SecretId.generate(), configuredSecret, null);
        }
        dispatcher.send(new RegisterClient(clientId, new ClientName("bootstrap admin"),
                new ClientDescription("created on first start"), Set.of(new RoleName(ROLE)), TokenLifetime.DEFAULT,
                List.of(), hashed), system);
        if (plaintext != null) {
            writeCredentials(clientId, plaintext);
        } else {
            LOG.info("bootstrap admin client {} created with the configured secret", clientId);
        }
    }

    private boolean roleExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM command_role_lookup WHERE role_name = ?)")
                .param(ROLE).query(Boolean.class).single();
    }

    private void writeCredentials(ClientId clientId, String secret) {
        Path file = dataDir.resolve(FILE);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("clientId", clientId.value());
        credentials.put("clientSecret", secret);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin's credentials to " + file, e);
        }
        LOG.info("bootstrap admin client {} created; its secret is in {} (readable by this user only)", clientId,
                file.toAbsolutePath());
    }
}
