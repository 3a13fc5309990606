package dev.keyledger.token.authentication;

import dev.keyledger.infrastructure.federation.SubjectPattern;

import java.util.List;

/**
 * One of a client's federated credentials as the token endpoint matches tokens against it: a token from
 * {@code issuer} whose {@code sub} fits {@code subject} ({@link SubjectPattern}) and whose {@code aud} holds one of
 * {@code audiences}.
 */
public record FederatedRule(String credentialId, String issuer, String subject, List<String> audiences) {

    public FederatedRule {
        audiences = List.copyOf(audiences);
    }

    boolean matches(String tokenIssuer, String tokenSubject, List<String> tokenAudiences) {
        return issuer.equals(tokenIssuer) && SubjectPattern.matches(subject, tokenSubject)
                && tokenAudiences.stream().anyMatch(audiences::contains);
    }
}
