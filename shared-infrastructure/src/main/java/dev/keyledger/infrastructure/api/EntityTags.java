package dev.keyledger.infrastructure.api;

/** A resource's version on the wire: {@code ETag: "<version>"}, the form {@code If-Match} takes back. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
