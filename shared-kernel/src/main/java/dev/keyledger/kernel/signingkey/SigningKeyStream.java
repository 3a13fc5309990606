package dev.keyledger.kernel.signingkey;

/**
 * Signing-key events are stored under {@code signing-key:<kid>}, so a key can never share a stream with a client or
 * a role (see {@code RoleStream}). The same string is the associated data of the key's sealed private key, which
 * binds the ciphertext to its key: a sealed key copied into another key's row fails to open.
 */
public final class SigningKeyStream {

    public static final String PREFIX = "signing-key:";

    private SigningKeyStream() {
    }

    public static String idOf(String kid) {
        return PREFIX + kid;
    }
}
