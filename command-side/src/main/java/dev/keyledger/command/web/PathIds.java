package dev.keyledger.command.web;

import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;

/** Ids taken from the path: one that cannot exist is simply not found. */
final class PathIds {

    private PathIds() {
    }

    static ClientId client(String value) {
        try {
            return new ClientId(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-client", "there is no such client");
        }
    }

    static SecretId secret(String value) {
        try {
            return new SecretId(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-secret", "there is no such secret");
        }
    }

    static RoleName role(String value) {
        try {
            return new RoleName(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-role", "there is no such role");
        }
    }
}
