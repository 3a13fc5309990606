package dev.keyledger.infrastructure.federation;

import java.net.URI;
import java.util.Optional;

/**
 * An issuer the operator allow-listed, and where its signing keys are: by OIDC discovery from the issuer itself
 * ({@code jwks} empty), or a JWK Set the operator named (an {@code https} URL or a {@code file:} path, for issuers
 * without discovery such as many Kubernetes clusters).
 */
public record TrustedIssuer(String issuer, Optional<URI> jwks) {
}
