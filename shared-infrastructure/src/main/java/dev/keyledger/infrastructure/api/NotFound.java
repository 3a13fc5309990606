package dev.keyledger.infrastructure.api;

/**
 * What a request names does not exist (or did not exist at the instant asked about): 404, with a slug that becomes
 * the problem type. An answer of the API, thrown before or after the domain is asked; the command side's domain says
 * the same thing with its own refusal (docs/DECISIONS.md 65).
 */
public final class NotFound extends RuntimeException {

    private final String slug;

    public NotFound(String slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
