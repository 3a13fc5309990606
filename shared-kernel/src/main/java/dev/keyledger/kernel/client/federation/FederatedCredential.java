package dev.keyledger.kernel.client.federation;

import dev.keyledger.kernel.id.FederatedCredentialId;

import java.util.List;
import java.util.Objects;

/**
 * A trust rule: a token from {@code issuer} whose {@code sub} is {@code subject} and whose {@code aud} holds one of
 * {@code audiences} authenticates the client. The issuer was allow-listed by the operator when the rule was made.
 */
public record FederatedCredential(FederatedCredentialId credentialId, String issuer, String subject,
                                  List<String> audiences) {

    public FederatedCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audiences = List.copyOf(audiences);
    }

    /** Whether another rule trusts exactly the same tokens. */
    public boolean sameTrustAs(FederatedCredential other) {
        return issuer.equals(other.issuer) && subject.equals(other.subject)
                && audiences.stream().sorted().toList().equals(other.audiences.stream().sorted().toList());
    }
}
