package dev.keyledger.infrastructure.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealed values open only under the same key and associated data, and never show their plaintext. */
class SealedBoxTest {

    private static final byte[] PLAINTEXT = "private key bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HERE = "signing-key:a".getBytes(StandardCharsets.UTF_8);
    private final SealedBox box = new SealedBox(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void whenSealedAndOpenedWithTheSameAssociatedData_thenThePlaintextComesBack() {
        byte[] sealed = box.seal(PLAINTEXT, HERE);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key bytes");
        assertThat(box.open(sealed, HERE)).isEqualTo(PLAINTEXT);
    }

    @Test
    void whenOpenedWithOtherAssociatedData_thenItFails() {
        byte[] sealed = box.seal(PLAINTEXT, HERE);

        assertThatThrownBy(() -> box.open(sealed, "signing-key:b".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenOpenedUnderAnotherKey_thenItFails() {
        byte[] sealed = box.seal(PLAINTEXT, HERE);
        SealedBox other = new SealedBox(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "AES"));

        assertThatThrownBy(() -> other.open(sealed, HERE)).isInstanceOf(IllegalStateException.class);
    }
}
