package dev.keyledger.query.testing;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.secret.HashedSecret;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Test values: secrets, permissions and instants that read well in a test. */
public final class Events {

    public static final Instant T0 = Instant.parse("2026-11-29T10:00:00.000Z");

    private Events() {
    }

    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    public static ClientId client(String id) {
        return new ClientId(id);
    }

    public static RoleName role(String name) {
        return new RoleName(name);
    }

    /** A hashed secret whose plaintext is {@code "kls_" + name}; its hint is the last four characters. */
    public static HashedSecret secret(String id, String plaintext) {
        return HashedSecret.of(new SecretId(id), plaintext, null);
    }

    public static Set<Permission> permissions(String... values) {
        return Arrays.stream(values).map(Permission::new).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Set<RoleName> roles(String... values) {
        return Arrays.stream(values).map(RoleName::new).collect(Collectors.toCollection(TreeSet::new));
    }
}
