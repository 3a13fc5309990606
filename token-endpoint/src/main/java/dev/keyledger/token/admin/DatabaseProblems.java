package dev.keyledger.token.admin;

import dev.keyledger.infrastructure.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database's failures in the token endpoint's admin reads (issuance log, signing keys) as problem+json: a
 * 503 with Retry-After while PostgreSQL is unreachable (docs/DECISIONS.md 41), a 500 for anything else. Token requests
 * never read the database on their path and are not concerned.
 */
@RestControllerAdvice(basePackages = "dev.keyledger.token")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailed(RuntimeException e) {
        return Problems.databaseReadFailed(e, LOG);
    }
}
