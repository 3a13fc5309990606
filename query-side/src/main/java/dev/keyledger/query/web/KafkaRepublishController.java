package dev.keyledger.query.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.api.NotFound;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.query.integration.RepublishStatus;
import dev.keyledger.query.integration.Republisher;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Republishing the store's history to the Kafka topic for a new consumer: {@code POST} starts a job on this node
 * (202, it runs on), {@code GET} reports the running or last one, whichever node runs it. 404 when Kafka is not
 * configured.
 */
@RestController
@RequestMapping("/api/v1/integration/kafka/republish")
class KafkaRepublishController {

    private static final String FROM = "fromPosition";
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ObjectProvider<Republisher> republisher;

    KafkaRepublishController(ObjectProvider<Republisher> republisher) {
        this.republisher = republisher;
    }
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = RepublishRequest.class)))
    @ApiResponse(responseCode = "202", description = "the republish has started", useReturnTypeSchema = true)

    @PostMapping
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<RepublishStatus> start(@RequestBody(required = false) byte[] body, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        Republisher jobs = configured();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.start(fromPosition(body)));
    }

    @GetMapping
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    RepublishStatus status(HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        return configured().status().orElseThrow(() -> new NotFound("no-republish",
                "no republish has run yet"));
    }

    private Republisher configured() {
        Republisher jobs = republisher.getIfAvailable();
        if (jobs == null) {
            throw new NotFound("kafka-not-configured",
                    "Kafka publishing is not configured on this node (set SPRING_KAFKA_BOOTSTRAP_SERVERS)");
        }
        return jobs;
    }

    /** The body must be exactly {@code {"fromPosition": N}} with N a global position, 0 or more. */
    private static long fromPosition(byte[] body) {
        JsonNode root;
        try {
            root = body == null ? null : STRICT.readTree(body);
        } catch (IOException e) {
            throw new InvalidQuery("the request body is not well-formed JSON", List.of());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidQuery("the request body must be a JSON object such as {\"fromPosition\": 0}", List.of());
        }
        List<ParamError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (!field.equals(FROM)) {
                errors.add(new ParamError(field, "is not a known field; accepted: " + FROM));
            }
        });
        JsonNode from = root.get(FROM);
        if (from == null || from.isNull()) {
            errors.add(new ParamError(FROM, "is required"));
        } else if (!from.isIntegralNumber() || !from.canConvertToLong() || from.longValue() < 0) {
            errors.add(new ParamError(FROM, "must be a global position: an integer, 0 or more"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQuery("the request has invalid fields", errors);
        }
        return from.longValue();
    }
}
