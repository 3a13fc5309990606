package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service refuses to start while a file of its data folder that holds a secret can be read or written by others
 * than its owner, and says which file and which chmod fixes it; it starts again once the file is owner-only.
 */
// Not @KeyledgerService: starts without bootstrap credentials and looks at the files of its data folder.
class SecretFilePermissionsTest {

    @TempDir
    Path dataDir;

    @Test
    void whenASecretFileIsOpenToOthers_thenTheServiceRefusesToStartNamingItAndTheChmod() throws Exception {
        RunningKeyledger.startWithoutBootstrapCredentials(dataDir).close();
        for (String name : new String[] {"key-encryption-key", "bootstrap-admin.json", "postgres-password"}) {
            assertThat(dataDir.resolve(name)).exists();
        }

        assertRefusedWhileOpen("key-encryption-key", "rw-r--r--");
        assertRefusedWhileOpen("postgres-password", "rw----r--");
        assertRefusedWhileOpen("bootstrap-admin.json", "rw-rw----");

        try (RunningKeyledger restricted = RunningKeyledger.startWithoutBootstrapCredentials(dataDir)) {
            assertThat(restricted.anonymous().send("GET", "/.well-known/jwks.json", null).status())
                    .isEqualTo(200);
        }
    }

    private void assertRefusedWhileOpen(String name, String mode) throws Exception {
        Path file = dataDir.resolve(name);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

        assertThatThrownBy(() -> RunningKeyledger.startWithoutBootstrapCredentials(dataDir).close())
                .hasStackTraceContaining(file.toAbsolutePath() + " holds")
                .hasStackTraceContaining("(" + mode + ")")
                .hasStackTraceContaining("chmod 600 '" + file.toAbsolutePath() + "'");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
