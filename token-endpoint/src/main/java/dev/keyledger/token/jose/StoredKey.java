package dev.keyledger.token.jose;

/**
 * One row of the command side's key material that may still verify a live token: the public key as X.509
 * SubjectPublicKeyInfo, the private key sealed (null when it is not read: retired keys sign no more).
 */
record StoredKey(String kid, String algorithm, String status, byte[] publicKey, byte[] sealedPrivateKey) {

    boolean signs() {
        return sealedPrivateKey != null;
    }
}
