package dev.keyledger.infrastructure.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A secret file anyone but its owner can read or write stops the start, with the chmod that fixes it. */
class SecretFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw--w----", "rw----r--", "rw-----w-", "rw-rw-rw-", "rwx--x---"})
    void whenGroupOrOthersHaveAnyRight_thenItIsRefusedByNameWithTheChmod(String mode) throws Exception {
        Path file = secret(mode);

        assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(file, "the key-encryption key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("the key-encryption key")
                .hasMessageContaining(mode)
                .hasMessageContaining("chmod 600 '" + file.toAbsolutePath() + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------"})
    void whenOnlyTheOwnerHasRights_thenItPasses(String mode) throws Exception {
        Path file = secret(mode);

        assertThatCode(() -> SecretFiles.requireOwnerOnly(file, "a secret")).doesNotThrowAnyException();
    }

    @Test
    void whenTheFileIsMissing_thenThereIsNothingToCheck() {
        assertThatCode(() -> SecretFiles.requireOwnerOnly(dir.resolve("missing"), "a secret"))
                .doesNotThrowAnyException();
    }

    private Path secret(String mode) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "value");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
