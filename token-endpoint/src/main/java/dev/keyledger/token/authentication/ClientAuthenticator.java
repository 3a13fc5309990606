package dev.keyledger.token.authentication;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.secret.SecretSlot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Checks client credentials against the in-memory auth view. Every call does the same work whatever the outcome:
 * one SHA-256 and two constant-time comparisons (against a decoy when the client or its secondary does not exist),
 * so an unknown client costs what a wrong secret costs (DESIGN.md decision 2).
 */
@Component
public class ClientAuthenticator {

    private static final ClientAuthEntry UNKNOWN = decoy();

    private final ClientAuthCache cache;
    private final AssertionAuthenticator assertions;

    @Autowired
    public ClientAuthenticator(ClientAuthCache cache, AssertionAuthenticator assertions) {
        this.cache = cache;
        this.assertions = assertions;
    }

    /** Secrets only: an assertion is refused like a wrong secret. */
    public ClientAuthenticator(ClientAuthCache cache) {
        this(cache, null);
    }

    /**
     * What may wait on the network before the credentials can be checked (an external issuer's keys); it runs on
     * the request's own thread, before its signing turn, so that a slow issuer holds up none of the other clients.
     */
    public void prepare(ClientCredentials credentials, Instant now) {
        if (credentials != null && credentials.method() == ClientCredentials.Method.PRIVATE_KEY_JWT
                && assertions != null) {
            assertions.prepare(credentials, now);
        }
    }

    /**
     * The step of an authentication that waits for the database (a verified assertion's {@code jti} recorded), taken
     * outside the signing turns; every authentication that is to succeed goes through it.
     */
    public Authentication confirm(Authentication authentication, Instant now) {
        return assertions == null ? authentication : assertions.confirm(authentication, now);
    }

    /** An id no client can have (up to the whole body) is refused before it is hashed into any lookup. */
    public Authentication authenticate(ClientCredentials credentials, Instant now) {
        if (credentials.method() == ClientCredentials.Method.PRIVATE_KEY_JWT) {
            return assertions == null ? new Authentication(null, null, "assertions-unsupported")
                    : assertions.authenticate(credentials, now);
        }
        if (!ClientId.isValid(credentials.clientId())) {
            return new Authentication(null, null, "malformed-client-id");
        }
        ClientAuthEntry client = cache.find(credentials.clientId()).orElse(UNKNOWN);
        byte[] presented = sha256(credentials.secret());
        StoredSecret secondary = client.secondary() == null ? UNKNOWN.secondary() : client.secondary();
        boolean primaryMatches = MessageDigest.isEqual(presented, client.primary().hash());
        boolean secondaryMatches = MessageDigest.isEqual(presented, secondary.hash());
        if (client == UNKNOWN) {
            return new Authentication(null, null, "unknown-client");
        }
        if (client.status() != ClientStatus.ACTIVE) {
            return new Authentication(client, null, client.status() == ClientStatus.DISABLED
                    ? "client-disabled" : "client-deleted");
        }
        StoredSecret matched = primaryMatches ? client.primary() : secondaryMatches ? client.secondary() : null;
        if (matched == null) {
            return new Authentication(client, null, "wrong-secret");
        }
        if (!matched.usableAt(now)) {
            return new Authentication(client, null, "expired-secret");
        }
        return new Authentication(client, matched, null);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A client no secret can match: random hashes, drawn once. */
    private static ClientAuthEntry decoy() {
        SecureRandom random = new SecureRandom();
        byte[] primary = new byte[32];
        byte[] secondary = new byte[32];
        random.nextBytes(primary);
        random.nextBytes(secondary);
        return new ClientAuthEntry("", ClientStatus.DELETED, new StoredSecret("", SecretSlot.PRIMARY, primary, null),
                new StoredSecret("", SecretSlot.SECONDARY, secondary, null), List.of(), Set.of(), 0, Set.of(), 0, 0);
    }
}
