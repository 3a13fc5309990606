package dev.keyledger.token.jose;

/**
 * No key signs yet: the command side has not created the first one (it does so on its first start). Temporary; the
 * token endpoint should answer it as a temporary unavailability, not as the client's fault.
 */
public class NoActiveSigningKey extends RuntimeException {

    public NoActiveSigningKey() {
        super("no signing key is active yet", null, false, false);
    }
}
