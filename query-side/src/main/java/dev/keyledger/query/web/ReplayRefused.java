package dev.keyledger.query.web;

/** A replay that cannot be done now (another node holds the projection's segments, or it cannot be replayed). */
class ReplayRefused extends RuntimeException {

    private final String slug;

    ReplayRefused(String slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
