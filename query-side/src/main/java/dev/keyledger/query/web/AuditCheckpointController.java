package dev.keyledger.query.web;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.query.checkpoint.AuditCheckpoint;
import dev.keyledger.query.checkpoint.CheckpointLedger;
import dev.keyledger.query.checkpoint.CheckpointWriter;
import dev.keyledger.query.checkpoint.Checkpointed;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** The signed checkpoints of the audit chain (API.md §2 "Audit"): listed in order, and made on demand. */
@RestController
@RequestMapping("/api/v1/audit/checkpoints")
class AuditCheckpointController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final CheckpointLedger ledger;
    private final CheckpointWriter writer;

    AuditCheckpointController(CheckpointLedger ledger, CheckpointWriter writer) {
        this.ledger = ledger;
        this.writer = writer;
    }

    /** {@code {"items": [...], "next": <position of the last item, or null at the end>}}, oldest first. */
    @GetMapping
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "only checkpoints after this global position",
            schema = @Schema(type = "integer", minimum = "0"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "checkpoints per page (at most 1000)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000"))
    CheckpointPage list(HttpServletRequest http) {
        QueryParams params = QueryParams.of(http, Set.of("after", "limit"));
        long after = params.integer("after", 0, Long.MAX_VALUE).orElse(0L);
        int limit = params.integer("limit", 1, MAX_LIMIT).orElse((long) DEFAULT_LIMIT).intValue();
        params.validate();
        List<AuditCheckpoint> items = ledger.after(after, limit + 1);
        if (items.size() > limit) {
            return new CheckpointPage(items.subList(0, limit), items.get(limit - 1).position());
        }
        return new CheckpointPage(items, null);
    }

    /**
     * A checkpoint over everything linked so far (the linker links pending events first; one committed a moment ago
     * can wait for earlier positions to settle), for an auditor about to export: 201 with the new checkpoint, or
     * 200 with the last one when it already covers the whole chain (no checkpoint is made over nothing), or 204 while
     * no event exists. The same permission as reading the trail (docs/DECISIONS.md 91): it changes no credential,
     * and it adds evidence only when something new was linked.
     */
    @PostMapping
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    @ApiResponse(responseCode = "201", description = "a new checkpoint",
            content = @Content(schema = @Schema(implementation = AuditCheckpoint.class)))
    @ApiResponse(responseCode = "200", description = "the last checkpoint, which covers the whole chain already",
            content = @Content(schema = @Schema(implementation = AuditCheckpoint.class)))
    @ApiResponse(responseCode = "204", description = "no event exists yet")
    ResponseEntity<AuditCheckpoint> checkpoint(@RequestBody(required = false) byte[] body, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        if (body != null && body.length > 0) {
            throw new InvalidQuery("this request takes no body", List.of());
        }
        Checkpointed result = writer.checkpointNow();
        if (result.checkpoint() == null) {
            return ResponseEntity.noContent().build();
        }
        if (!result.created()) {
            return ResponseEntity.ok(result.checkpoint());
        }
        return ResponseEntity.created(URI.create("/api/v1/audit/checkpoints?after="
                + (result.checkpoint().position() - 1) + "&limit=1")).body(result.checkpoint());
    }

    /** One page of checkpoints. */
    record CheckpointPage(List<AuditCheckpoint> items, Long next) {
    }
}
