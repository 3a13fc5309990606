package dev.keyledger.infrastructure.api;

import dev.keyledger.infrastructure.postgres.DatabaseOutage;
import org.slf4j.Logger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * The RFC 9457 problem documents of every side's admin API: a type URI ending in a stable slug that clients may
 * switch on, and the one answer to a database outage (docs/DECISIONS.md 41).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://keyledger.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        return problem;
    }

    /**
     * A read that failed in the database: 503 while PostgreSQL is unreachable, a 500 telling nothing of the internals
     * otherwise. Logged by class and message only: both come from our code or the driver, never a secret.
     */
    public static ResponseEntity<ProblemDetail> databaseReadFailed(RuntimeException e, Logger log) {
        if (DatabaseOutage.causedBy(e)) {
            log.warn("read failed, the database is unreachable: {}", e.getMessage());
            return databaseUnavailable("the database is unreachable; try again shortly");
        }
        log.error("read failed in the database: {}: {}", e.getClass().getName(), e.getMessage());
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed"));
    }

    /** 503 with {@code Retry-After: 1}: the same request will work once PostgreSQL answers again. */
    public static ResponseEntity<ProblemDetail> databaseUnavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", detail));
    }
}
