package dev.keyledger.query.web;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;

/** Ids taken from the path: one that cannot exist is simply not found. Also the ETag of a version. */
final class PathIds {

    private PathIds() {
    }

    static ClientId client(String value) {
        try {
            return new ClientId(value);
        } catch (IllegalArgumentException e) {
            throw unknownClient();
        }
    }

    static RoleName role(String value) {
        if (!RoleName.isValid(value)) {
            throw unknownRole();
        }
        return new RoleName(value);
    }

    static NotFound unknownClient() {
        return new NotFound("unknown-client", "there is no such client");
    }

    static NotFound unknownRole() {
        return new NotFound("unknown-role", "there is no such role");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
