package dev.keyledger.kernel.signingkey;

/**
 * Where a signing key is in its life (API.md §2 "Signing keys"). Every status but a retired key past its
 * {@code verifyUntil} is listed in the JWKS.
 */
public enum SigningKeyStatus {

    /** In the JWKS, not yet signing: verifiers learn the key before any token carries it. */
    PUBLISHED,
    /** Signs every new token. At most one key is active at any moment. */
    ACTIVE,
    /** Signs no more; in the JWKS until its last token has expired. */
    RETIRED
}
