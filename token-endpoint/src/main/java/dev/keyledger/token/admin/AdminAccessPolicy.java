package dev.keyledger.token.admin;

import dev.keyledger.infrastructure.access.AccessVerdict;
import dev.keyledger.infrastructure.access.AdminAuthorizer;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.accesstoken.VerifiedToken;
import dev.keyledger.token.accesstoken.VerifiedTokenCache;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.authentication.ClientAuthEntry;
import dev.keyledger.token.config.TokenSettings;

/**
 * Decides an admin API call: a Keyledger access token ({@code Authorization: Bearer}) meant for this issuer (its
 * {@code aud} names the issuer, so a token a resource server received cannot be replayed here), not revoked, of a
 * client that is still active and holds the permission both in the token and now (a role taken away stops working
 * within the client auth view's staleness bound, as for token issuance). One decision for the admin API served in
 * this JVM and for the internal check that nodes of the other sides ask. A token's signature is checked once and
 * remembered ({@link VerifiedTokenCache}); so is the answer that it is not revoked, until a revocation is stored
 * ({@link Revocations#isRevokedAsRemembered}); the client's status and its permissions are looked at anew on every
 * call, so their bounds do not depend on any cache.
 */
final class AdminAccessPolicy implements AdminAuthorizer {

    private final VerifiedTokenCache verifiedTokens;
    private final Revocations revocations;
    private final ClientAuthCache clients;
    private final TokenSettings settings;

    AdminAccessPolicy(VerifiedTokenCache verifiedTokens, Revocations revocations, ClientAuthCache clients,
                      TokenSettings settings) {
        this.verifiedTokens = verifiedTokens;
        this.revocations = revocations;
        this.clients = clients;
        this.settings = settings;
    }

    @Override
    public AccessVerdict authorize(String authorization, String permission) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AccessVerdict.unauthenticated(
                    "the admin API needs Authorization: Bearer <access token issued by Keyledger>");
        }
        VerifiedToken token = verifiedTokens.verify(authorization.substring(7).trim());
        if (token == null || revocations.isRevokedAsRemembered(token.jti())) {
            return AccessVerdict.invalidToken("the access token is invalid, expired or revoked");
        }
        if (!token.audience().contains(settings.issuer())) {
            return AccessVerdict.invalidToken("the access token is not meant for this issuer (its aud lacks "
                    + settings.issuer() + "); request one with resource=" + settings.issuer());
        }
        ClientAuthEntry caller = clients.find(token.clientId()).orElse(null);
        if (caller == null || caller.status() != ClientStatus.ACTIVE) {
            return AccessVerdict.invalidToken("the access token's client is not active");
        }
        if (!token.scope().contains(permission)) {
            return AccessVerdict.forbidden("this call needs the permission " + permission);
        }
        if (!caller.permissions().contains(permission)) {
            return AccessVerdict.forbidden("this call needs the permission " + permission
                    + ", which the caller no longer holds");
        }
        return AccessVerdict.allowed(token.clientId());
    }
}
