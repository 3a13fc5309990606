package dev.keyledger.token.admin;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.token.AccessTokenVerifier;
import dev.keyledger.token.token.Revocations;
import dev.keyledger.token.token.VerifiedToken;

/**
 * Decides an admin API call: a Keyledger access token ({@code Authorization: Bearer}) of a client that is still
 * active, not revoked, holding the permission the call needs. One decision for the filter in front of this node's
 * own admin API and for the internal check that nodes of the other sides ask.
 */
final class AdminAccessPolicy {

    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final ClientAuthCache clients;

    AdminAccessPolicy(AccessTokenVerifier verifier, Revocations revocations, ClientAuthCache clients) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clients = clients;
    }

    AdminAccessVerdict decide(String authorization, String method, String path) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AdminAccessVerdict.unauthorized(
                    "the admin API needs Authorization: Bearer <access token issued by Keyledger>", "");
        }
        VerifiedToken token = verifier.verify(authorization.substring(7).trim());
        if (token == null || revocations.isRevoked(token.jti()) || !isActive(token.clientId())) {
            return AdminAccessVerdict.unauthorized(
                    "the access token is invalid, expired, revoked, or its client is not active",
                    ", error=\"invalid_token\"");
        }
        String permission = RequiredPermission.of(method, path);
        if (permission != null && !token.scope().contains(permission)) {
            return AdminAccessVerdict.forbidden("this call needs the permission " + permission);
        }
        return AdminAccessVerdict.allowed(token.clientId());
    }

    private boolean isActive(String clientId) {
        return clients.find(clientId).map(client -> client.status() == ClientStatus.ACTIVE).orElse(false);
    }
}
