package dev.keyledger.standalone;

import com.sun.security.auth.module.UnixSystem;
import dev.keyledger.infrastructure.crypto.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who may connect to the embedded PostgreSQL: whoever knows the superuser's password, a 256-bit random value kept
 * owner-only in {@code ${KEYLEDGER_DATA_DIR}/postgres-password}; over TCP on loopback, with {@code scram-sha-256},
 * and there is no Unix socket. Another local OS user therefore cannot connect (docs/DECISIONS.md 55).
 * <p>
 * A new data folder gets the password from {@code initdb} itself, so that it never runs with {@code trust}. A data
 * folder made by an earlier version (everything {@code trust}, no password) gets one before its server starts, in
 * single-user mode, which listens nowhere. A new password is written beside the file first and takes its place only
 * once PostgreSQL has it, so that a crash in between never leaves a file that does not open the database.
 */
final class EmbeddedDatabaseAccess {

    static final String PASSWORD_FILE = "postgres-password";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseAccess.class);
    private static final String PENDING_SUFFIX = ".new";
    private static final long SINGLE_USER_WAIT_SECONDS = 120;
    private static final String HBA = """
            # Written by Keyledger on every start (EmbeddedDatabaseAccess); edits are overwritten. Every connection
            # needs the superuser's password, kept owner-only in ../postgres-password; there is no Unix socket.
            local   all           all                    scram-sha-256
            host    all           all    127.0.0.1/32    scram-sha-256
            host    all           all    ::1/128         scram-sha-256
            local   replication   all                    scram-sha-256
            host    replication   all    127.0.0.1/32    scram-sha-256
            host    replication   all    ::1/128         scram-sha-256
            """;

    private final Path passwordFile;
    private final Path pendingFile;
    private final boolean newCluster;
    private final String password;

    private EmbeddedDatabaseAccess(Path passwordFile, boolean newCluster, String password) {
        this.passwordFile = passwordFile;
        this.pendingFile = pending(passwordFile);
        this.newCluster = newCluster;
        this.password = password;
    }

    /** Reads the password of {@code pgdata}, or makes a new one (pending until {@link #apply} has set it). */
    static EmbeddedDatabaseAccess prepare(DataDirectory dataDirectory, Path pgdata) {
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        boolean newCluster = !Files.exists(pgdata.resolve("postgresql.conf"));
        try {
            if (!newCluster && Files.exists(passwordFile)) {
                SecretFiles.requireOwnerOnly(passwordFile, "the embedded database's password");
                return new EmbeddedDatabaseAccess(passwordFile, false, Files.readString(passwordFile).trim());
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path pending = pending(passwordFile);
            Files.deleteIfExists(pending);
            Files.writeString(pending, "", StandardOpenOption.CREATE_NEW);
            DataDirectory.OwnerOnly.restrictFile(pending);
            Files.writeString(pending, password);
            return new EmbeddedDatabaseAccess(passwordFile, newCluster, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + passwordFile.toAbsolutePath(), e);
        }
    }

    /** {@code initdb} of a new cluster takes the password from this file; {@code null} for an existing cluster. */
    Path initdbPasswordFile() {
        return newCluster ? pendingFile.toAbsolutePath() : null;
    }

    String password() {
        return password;
    }

    /**
     * Before the server starts (zonky's data directory customizer): pg_hba.conf allows password logins only, and a
     * pending password is set (an existing cluster) and then kept.
     */
    void apply(Path pgdata, LocatedBinaries binaries) {
        try {
            Path hba = pgdata.resolve("pg_hba.conf");
            Files.writeString(hba, HBA);
            DataDirectory.OwnerOnly.restrictFile(hba);
            if (Files.exists(pendingFile)) {
                if (!newCluster) {
                    LOG.info("the embedded PostgreSQL in {} has no password (made by an earlier version): setting one",
                            pgdata);
                    setPasswordInSingleUserMode(pgdata, binaries.program("postgres"));
                }
                Files.move(pendingFile, passwordFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict access to the embedded PostgreSQL in " + pgdata, e);
        }
    }

    /**
     * Single-user mode opens no socket at all. The statement goes through standard input, never the command line,
     * and is never echoed into the log ({@code log_min_error_statement=panic}).
     */
    private void setPasswordInSingleUserMode(Path pgdata, Path postgres) throws IOException {
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace of its own then, and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", pgdata.toString(),
                "-c", "log_min_error_statement=panic", "-c", "password_encryption=scram-sha-256", "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        try {
            if (!process.waitFor(SINGLE_USER_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish setting the password");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the embedded PostgreSQL's password", e);
        }
        String said = output.toString(StandardCharsets.UTF_8);
        // Single-user mode reports a failed statement and still exits with 0.
        if (process.exitValue() != 0 || said.contains("ERROR:") || said.contains("FATAL:")) {
            throw new IllegalStateException("PostgreSQL in single-user mode could not set the password of " + pgdata
                    + " (exit " + process.exitValue() + "): " + said.replace(password, "********"));
        }
    }

    private static Path pending(Path passwordFile) {
        return passwordFile.resolveSibling(passwordFile.getFileName() + PENDING_SUFFIX);
    }
}
