package dev.keyledger.command.web;

import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.SecretSlot;

import java.time.Instant;

/** The answer to adding or rotating a secret: the new secret in plaintext, shown this once, and the client. */
record IssuedSecret(
        SecretId secretId,
        SecretSlot slot,
        String clientSecret,
        Instant createdAt,
        Instant expiresAt,
        ClientView client) {
}
