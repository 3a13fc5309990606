package dev.keyledger.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nobody but the service connects to the embedded PostgreSQL: tried the way another local OS user would — over TCP
 * without a password or with a wrong one, with Debian's psql run as {@code nobody}, and through a Unix socket.
 */
// Not @KeyledgerService: restarts the service and reaches its embedded PostgreSQL in the data folder.
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;

    @Test
    void whenANewDataFolderStarts_thenOnlyItsOwnersPasswordOpensTheDatabase() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            int port = keyledger.bean(EmbeddedPostgres.class).getPort();

            assertOthersAreRefused(port);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile())).hasSize(43);
            assertOnlyPasswordLoginsAndNoSocket(port);
        }
    }

    @Test
    void whenADataFolderOfAnEarlierVersionStarts_thenItGetsAPasswordBeforeListeningAndKeepsItsData() throws Exception {
        Path pgdata = dataDir.resolve("postgres");
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(pgdata)
                .setCleanDataDirectory(false).start();
             Connection open = earlier.getPostgresDatabase().getConnection();
             Statement statement = open.createStatement()) {
            // That version's cluster took anyone, without a password.
            statement.execute("CREATE TABLE kept (what TEXT); INSERT INTO kept VALUES ('from before')");
        }

        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            int port = keyledger.bean(EmbeddedPostgres.class).getPort();

            assertOthersAreRefused(port);
            assertOnlyPasswordLoginsAndNoSocket(port);
            assertThat(keyledger.jdbc().sql("SELECT what FROM kept").query(String.class).single())
                    .isEqualTo("from before");
        }
        assertThat(dataDir.resolve(EmbeddedDatabaseAccess.PASSWORD_FILE + ".new")).doesNotExist();
        try (RunningKeyledger again = RunningKeyledger.start(dataDir)) {
            assertOthersAreRefused(again.bean(EmbeddedPostgres.class).getPort());
            assertThat(again.jdbc().sql("SELECT count(*) FROM kept").query(Long.class).single()).isEqualTo(1);
        }
    }

    private void assertOthersAreRefused(int port) throws Exception {
        assertThatThrownBy(() -> connect(port, null).close()).as("no password")
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> connect(port, "not-the-password").close()).as("a wrong password")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection owner = connect(port, Files.readString(passwordFile()))) {
            assertThat(owner.isValid(5)).as("the password in the data folder opens it").isTrue();
        }

        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && Files.isExecutable(Path.of("/usr/bin/psql"))
                        && isRoot(), "runuser, Debian's psql and root are needed to act as another OS user");
        PsqlResult tcp = psqlAsNobody("127.0.0.1", port);
        assertThat(tcp.exitCode()).as("psql as nobody over TCP: %s", tcp.output()).isNotZero();
        assertThat(tcp.output()).as("the server asked for a password").contains("no password supplied");
        PsqlResult ipv6 = psqlAsNobody("::1", port);
        assertThat(ipv6.exitCode()).as("psql as nobody over IPv6 loopback: %s", ipv6.output()).isNotZero();
        PsqlResult socket = psqlAsNobody("/tmp", port);
        assertThat(socket.exitCode()).as("psql as nobody through a socket: %s", socket.output()).isNotZero();
        assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
    }

    private void assertOnlyPasswordLoginsAndNoSocket(int port) throws Exception {
        try (Connection owner = connect(port, Files.readString(passwordFile()));
             Statement statement = owner.createStatement()) {
            var rules = statement.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules");
            List<String> methods = new java.util.ArrayList<>();
            while (rules.next()) {
                methods.add(rules.getString(1));
            }
            assertThat(methods).containsExactly("scram-sha-256");
            var sockets = statement.executeQuery("SHOW unix_socket_directories");
            sockets.next();
            assertThat(sockets.getString(1)).isEmpty();
        }
    }

    private Path passwordFile() {
        return dataDir.resolve(EmbeddedDatabaseAccess.PASSWORD_FILE);
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private record PsqlResult(int exitCode, String output) {
    }

    /** Debian's psql run as the OS user {@code nobody}, never prompting for a password ({@code -w}). */
    private static PsqlResult psqlAsNobody(String host, int port) throws IOException, InterruptedException {
        ProcessBuilder psql = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/psql",
                "-h", host, "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-w", "-c", "select 1")
                .directory(Path.of("/").toFile())
                .redirectErrorStream(true);
        // Another local user knows nothing of ours: a PGPASSWORD or PGPASSFILE of the shell running the tests would
        // make psql send a password, and the server's answer would then be "authentication failed" instead.
        psql.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process = psql.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        return new PsqlResult(process.exitValue(), output);
    }
}
