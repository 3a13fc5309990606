package dev.keyledger.token.admin;

import dev.keyledger.kernel.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The database's failures in the token endpoint's admin reads (issuance log, signing keys) as problem+json: a
 * 503 with Retry-After while PostgreSQL is unreachable (DECISIONS.md 41), a 500 for anything else. Token requests
 * never read the database on their path and are not concerned.
 */
@RestControllerAdvice(basePackages = "dev.keyledger.token")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailed(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("admin read failed, the database is unreachable: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                            "the database is unreachable; try again shortly"));
        }
        // By class and message only: both come from our code or the driver, never a secret.
        LOG.error("admin read failed in the database: {}: {}", e.getClass().getName(), e.getMessage());
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed"));
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://keyledger.dev/problems/" + slug));
        return problem;
    }
}
