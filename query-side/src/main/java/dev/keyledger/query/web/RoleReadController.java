package dev.keyledger.query.web;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.api.EntityTags;
import dev.keyledger.infrastructure.api.PathIds;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.view.RoleView;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.audit.AuditTrail;
import dev.keyledger.query.paging.Page;
import dev.keyledger.query.paging.PageRequest;
import dev.keyledger.query.role.RoleQueries;
import dev.keyledger.query.role.RoleSnapshot;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The role reads of the admin API (API.md §2 "Roles", the GET rows). */
@RestController
@RequestMapping("/api/v1/roles")
class RoleReadController {

    private final RoleQueries queries;
    private final AuditTrail audit;
    private final ReadYourWrites readYourWrites;

    RoleReadController(RoleQueries queries, AuditTrail audit, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.audit = audit;
        this.readYourWrites = readYourWrites;
    }
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "items per page",
            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))

    @GetMapping
    @RequiresPermission(AdminPermissions.ROLES_READ)
    Page<RoleView> list(HttpServletRequest http) {
        QueryParams params = QueryParams.of(http, Set.of("page", "size"));
        PageRequest page = params.page();
        params.validate();
        return queries.list(page).map(RoleReadController::view);
    }
    @AnswersWithETag
    @Parameter(name = "minVersion", in = ParameterIn.QUERY,
            description = "wait up to 2 s for the read model to reach this version, else 503",
            schema = @Schema(type = "integer", minimum = "0"))

    @GetMapping("/{roleName}")
    @RequiresPermission(AdminPermissions.ROLES_READ)
    ResponseEntity<RoleView> one(@PathVariable String roleName, HttpServletRequest http) {
        QueryParams params = QueryParams.of(http, Set.of("minVersion"));
        Optional<Long> minVersion = params.integer("minVersion", 0, Long.MAX_VALUE);
        params.validate();
        RoleName name = PathIds.role(roleName);
        minVersion.ifPresent(version -> readYourWrites.await(version, () -> queries.reached(name, version)));
        RoleView role = queries.find(name).map(RoleReadController::view).orElseThrow(PathIds::unknownRole);
        return ResponseEntity.ok().eTag(EntityTags.of(role.version())).body(role);
    }

    /** The history of the name: a role re-created after deletion continues the same stream. */
    @GetMapping("/{roleName}/events")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    Map<String, List<AuditEntry>> history(@PathVariable String roleName, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        List<AuditEntry> entries = audit.history(RoleStream.idOf(PathIds.role(roleName)));
        if (entries.isEmpty()) {
            throw PathIds.unknownRole();
        }
        return Map.of("items", entries);
    }

    private static RoleView view(RoleSnapshot role) {
        return new RoleView(role.name(), role.description(), role.permissions(), role.version(), role.createdAt(),
                role.updatedAt());
    }
}
