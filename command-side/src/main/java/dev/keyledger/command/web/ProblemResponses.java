package dev.keyledger.command.web;

import dev.keyledger.command.idempotency.IdempotencyKeyReused;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.Refusal;
import dev.keyledger.command.refusal.StaleVersion;
import dev.keyledger.infrastructure.api.Problems;
import dev.keyledger.infrastructure.postgres.DatabaseOutage;
import dev.keyledger.kernel.role.RoleStream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static dev.keyledger.infrastructure.api.Problems.problem;


/**
 * Turns every failure of the admin API into RFC 9457 problem+json: the domain's refusals, invalid requests, Spring
 * MVC's own errors (unknown route, wrong method, unsupported media type ...), and, as a last resort, a 500 that
 * tells nothing about the internals. The type URI ends in a stable slug that clients may switch on.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(Unauthenticated e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"keyledger\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage()));
    }

    @ExceptionHandler(JsonRequests.BodyTooLarge.class)
    ProblemDetail tooLarge(JsonRequests.BodyTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", e.getMessage());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        HttpStatus status = statusOf(refusal);
        ProblemDetail problem = problem(status, refusal.reason(), refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (refusal instanceof StaleVersion stale) {
            answer.eTag(Versions.etag(stale.currentVersion()));
        }
        return answer.body(problem);
    }

    private static HttpStatus statusOf(Refusal refusal) {
        if (refusal instanceof Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        return HttpStatus.PRECONDITION_FAILED;
    }

    /** An id in the path that cannot exist: the same answer as the domain's refusal of an unknown one. */
    @ExceptionHandler(dev.keyledger.infrastructure.api.NotFound.class)
    ProblemDetail unknownInPath(dev.keyledger.infrastructure.api.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.slug(), e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        boolean role = String.valueOf(e.getAggregateIdentifier()).startsWith(RoleStream.PREFIX);
        return role
                ? problem(HttpStatus.NOT_FOUND, "unknown-role", "there is no such role")
                : problem(HttpStatus.NOT_FOUND, "unknown-client", "there is no such client");
    }

    /** Another writer appended first: to an existing stream, or the first event of a new one (a role's name). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(Exception e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification",
                "another change to the same resource was applied at the same moment; read it again and retry");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("admin request failed, the database is unreachable: {}", e.getMessage());
            return Problems.databaseUnavailable(
                    "the database is unreachable; nothing was changed unless a later read shows it");
        }
        // The cause is logged by class and message only: both come from our code or the driver, never a secret.
        LOG.error("admin request failed unexpectedly: {}: {}", e.getClass().getName(), e.getMessage());
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; nothing was changed unless a later read shows it"));
    }
}
