package dev.keyledger.query.web;

/** What was asked for does not exist (or did not exist at the instant asked about): 404. */
class NotFound extends RuntimeException {

    private final String slug;

    NotFound(String slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
