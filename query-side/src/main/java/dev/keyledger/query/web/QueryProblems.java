package dev.keyledger.query.web;

import dev.keyledger.infrastructure.api.NotFound;
import dev.keyledger.infrastructure.api.Problems;
import dev.keyledger.query.checkpoint.NoAuditKey;
import dev.keyledger.query.eventstore.ExportsBusy;
import dev.keyledger.query.integration.RepublishRunning;
import dev.keyledger.query.replay.ReplayUnavailable;
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

import static dev.keyledger.infrastructure.api.Problems.problem;


/**
 * The query side's own failures as RFC 9457 problem+json, for the query side's controllers only (failures of Spring
 * MVC itself are left to the service-wide handler). Same shape as the command side's problems: a type URI ending
 * in a stable slug, and for invalid parameters {@code errors: [{"field", "message"}]}.
 */
@RestControllerAdvice(basePackages = "dev.keyledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    private static final Logger LOG = LoggerFactory.getLogger(QueryProblems.class);

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalid(InvalidQuery e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.slug(), e.getMessage());
    }

    @ExceptionHandler(NotCaughtUp.class)
    ResponseEntity<ProblemDetail> notCaughtUp(NotCaughtUp e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", e.getMessage()));
    }

    @ExceptionHandler(ReplayUnavailable.class)
    ProblemDetail replayUnavailable(ReplayUnavailable e) {
        return problem(HttpStatus.CONFLICT, "replay-unavailable", e.getMessage());
    }

    @ExceptionHandler(RepublishRunning.class)
    ProblemDetail republishRunning(RepublishRunning e) {
        return problem(HttpStatus.CONFLICT, "republish-running", e.getMessage());
    }

    /** Before the command side made the first audit key: a checkpoint can be made once it has, in a moment. */
    @ExceptionHandler(NoAuditKey.class)
    ResponseEntity<ProblemDetail> noAuditKey(NoAuditKey e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "no-audit-key", e.getMessage()));
    }

    @ExceptionHandler(ExportsBusy.class)
    ResponseEntity<ProblemDetail> exportsBusy(ExportsBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "exports-busy", e.getMessage()));
    }

    /**
     * Thrown on, on purpose: part of the export is sent, so no problem can be written, and any handler that tried
     * would append it to the export and let the response end normally. Past every handler, the container closes the
     * connection without the final chunk (Tomcat's StandardHostValve, for a committed response).
     */
    @ExceptionHandler(ExportInterrupted.class)
    void exportInterrupted(ExportInterrupted e) {
        LOG.warn("{}", e.getMessage());
        throw e;
    }

    /** Only the database's failures: Spring's own exceptions (bad parameters and such) keep their 4xx answers. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailed(RuntimeException e) {
        return Problems.databaseReadFailed(e, LOG);
    }
}
