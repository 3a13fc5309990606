package dev.keyledger.infrastructure.api;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;

/** Ids taken from the path: one that cannot exist is simply not found. */
public final class PathIds {

    private PathIds() {
    }

    public static ClientId client(String value) {
        try {
            return new ClientId(value);
        } catch (IllegalArgumentException e) {
            throw unknownClient();
        }
    }

    public static SecretId secret(String value) {
        try {
            return new SecretId(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-secret", "there is no such secret");
        }
    }

    public static ClientKeyId key(String value) {
        try {
            return new ClientKeyId(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-key", "there is no such key");
        }
    }

    public static FederatedCredentialId federatedCredential(String value) {
        try {
            return new FederatedCredentialId(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("unknown-federated-credential", "there is no such federated credential");
        }
    }

    public static RoleName role(String value) {
        if (!RoleName.isValid(value)) {
            throw unknownRole();
        }
        return new RoleName(value);
    }

    public static NotFound unknownClient() {
        return new NotFound("unknown-client", "there is no such client");
    }

    public static NotFound unknownRole() {
        return new NotFound("unknown-role", "there is no such role");
    }
}
