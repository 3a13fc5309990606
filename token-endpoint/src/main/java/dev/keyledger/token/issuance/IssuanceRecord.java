package dev.keyledger.token.issuance;

import dev.keyledger.kernel.secret.SecretSlot;

import java.time.Instant;
import java.util.List;

/**
 * One line of the issuance log: an issued token, a failed or a throttled attempt. Fields that do not apply are
 * {@code null}. It never holds a secret, a hash or a token.
 */
public record IssuanceRecord(
        Instant at,
        String clientId,
        Outcome outcome,
        String jti,
        String secretId,
        SecretSlot slot,
        String keyId,
        String federatedCredentialId,
        String scope,
        List<String> audience,
        String sourceAddress,
        String reason) {

    /** The id of the credential that authenticated: a secret's, a key's or a federated credential's. */
    public String credentialId() {
        return secretId != null ? secretId : keyId != null ? keyId : federatedCredentialId;
    }

    public static IssuanceRecord failed(Instant at, String clientId, Outcome outcome, String sourceAddress,
                                        String reason) {
        return new IssuanceRecord(at, clientId, outcome, null, null, null, null, null, null, null, sourceAddress,
                reason);
    }
}
