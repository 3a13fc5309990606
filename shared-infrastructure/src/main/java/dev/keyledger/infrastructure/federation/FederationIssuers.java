package dev.keyledger.infrastructure.federation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list {@code keyledger.federation.issuers} (env {@code KEYLEDGER_FEDERATION_ISSUERS}): entries separated by
 * commas, each an issuer ({@code https://token.actions.githubusercontent.com}, keys found by discovery) or an issuer,
 * {@code =} and its JWK Set ({@code https://kubernetes.default.svc=file:/etc/keyledger/cluster-jwks.json}). An issuer
 * URL never holds {@code =} (OIDC forbids a query), so the first one separates. A malformed entry stops the start.
 */
public final class FederationIssuers {

    private final Map<String, TrustedIssuer> issuers;

    private FederationIssuers(Map<String, TrustedIssuer> issuers) {
        this.issuers = Map.copyOf(issuers);
    }

    public static FederationIssuers parse(String setting) {
        Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String issuer = equals < 0 ? trimmed : trimmed.substring(0, equals).strip();
            Optional<URI> jwks = equals < 0 ? Optional.empty() : Optional.of(jwks(trimmed.substring(equals + 1)));
            if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                throw new IllegalArgumentException(
                        "keyledger.federation.issuers: an issuer is an https URL: " + issuer);
            }
            issuers.put(issuer, new TrustedIssuer(issuer, jwks));
        }
        return new FederationIssuers(issuers);
    }

    private static URI jwks(String source) {
        URI uri = URI.create(source.strip());
        if (!Set.of("https", "http", "file").contains(String.valueOf(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "keyledger.federation.issuers: a JWK Set is an https URL or a file: path: " + source);
        }
        return uri;
    }

    public Optional<TrustedIssuer> find(String issuer) {
        return Optional.ofNullable(issuers.get(issuer));
    }

    public boolean trusts(String issuer) {
        return issuers.containsKey(issuer);
    }
}
