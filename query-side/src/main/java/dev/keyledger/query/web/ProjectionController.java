package dev.keyledger.query.web;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.api.NotFound;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.query.replay.ProjectionReplay;
import dev.keyledger.query.replay.ProjectionStatus;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operating the projections: their status on this node, and {@code POST .../replay}, which rebuilds one from the
 * event store while the service keeps answering (202: the replay runs on; poll the status until caught up).
 */
@RestController
@RequestMapping("/api/v1/projections")
class ProjectionController {

    private final ProjectionReplay replay;

    ProjectionController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    Map<String, List<ProjectionStatus>> all(HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        return Map.of("items", replay.names().stream().map(replay::status).flatMap(Optional::stream).toList());
    }

    @GetMapping("/{name}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ProjectionStatus one(@PathVariable String name, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        return replay.status(name).orElseThrow(() -> unknown(name));
    }
    @ApiResponse(responseCode = "202", description = "the replay has started", useReturnTypeSchema = true)

    @PostMapping("/{name}/replay")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        ProjectionStatus status = replay.replay(name).orElseThrow(() -> unknown(name));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status);
    }

    private NotFound unknown(String name) {
        return new NotFound("unknown-projection", "there is no replayable projection named " + name
                + "; there are: " + String.join(", ", replay.names()));
    }
}
