package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.role.RoleDeletion;
import dev.keyledger.command.role.RoleStateReader;
import dev.keyledger.command.web.body.NewRole;
import dev.keyledger.command.web.body.RolePermissions;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.command.CreateRole;
import dev.keyledger.kernel.role.command.ReplaceRolePermissions;
import dev.keyledger.kernel.role.view.RoleView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** The role writes of the admin API (API.md §2 "Roles"). */
@RestController
@RequestMapping("/api/v1/roles")
class RoleWriteController {

    private static final Set<String> READ_ONLY = Set.of("version", "createdAt", "updatedAt");
    private static final int MAX_PERMISSIONS = 500;

    private final CommandDispatcher dispatcher;
    private final RoleStateReader stateReader;
    private final RoleDeletion deletion;

    RoleWriteController(CommandDispatcher dispatcher, RoleStateReader stateReader, RoleDeletion deletion) {
        this.dispatcher = dispatcher;
        this.stateReader = stateReader;
        this.deletion = deletion;
    }
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewRole.class)))
    @ApiResponse(responseCode = "201", description = "the new role", useReturnTypeSchema = true)
    @AnswersWithETag

    @PostMapping
    @RequiresPermission(AdminPermissions.ROLES_WRITE)
    ResponseEntity<RoleView> create(HttpServletRequest http, AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, false)
                .accept(Set.of("name", "description", "permissions"), READ_ONLY);
        String rawName = fields.text("name", 64, true).orElse(null);
        if (rawName != null && !RoleName.isValid(rawName)) {
            throw new InvalidRequest("the request has invalid fields",
                    List.of(new FieldError("name", RoleName.RULE)));
        }
        String description = fields.text("description", 2000, false).orElse(null);
        List<Permission> permissions = fields.list("permissions", MAX_PERMISSIONS, true, Permission::new)
                .orElse(List.of());
        fields.validate();

        RoleName name = new RoleName(rawName);
        dispatcher.send(new CreateRole(name, description, Set.copyOf(permissions)), audit);
        RoleView state = stateReader.read(name);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + name))
                .eTag(Versions.etag(state.version()))
                .body(state);
    }
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RolePermissions.class)))
    @ApiResponse(responseCode = "200", description = "the role with its new permissions", useReturnTypeSchema = true)
    @AnswersWithETag

    @PutMapping("/{roleName}/permissions")
    @RequiresPermission(AdminPermissions.ROLES_WRITE)
    ResponseEntity<RoleView> replacePermissions(RoleName roleName, HttpServletRequest http, IfMatch ifMatch,
                                                AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, false).accept(Set.of("permissions"), READ_ONLY);
        List<Permission> permissions = fields.list("permissions", MAX_PERMISSIONS, true, Permission::new)
                .orElse(List.of());
        fields.validate();
        RoleView state = dispatcher.send(
                new ReplaceRolePermissions(roleName, Set.copyOf(permissions), ifMatch.expectedVersion()), audit);
        return ResponseEntity.ok().eTag(Versions.etag(state.version())).body(state);
    }
    @ApiResponse(responseCode = "204", description = "deleted; every client holding it was unassigned")

    @DeleteMapping("/{roleName}")
    @RequiresPermission(AdminPermissions.ROLES_WRITE)
    ResponseEntity<Void> delete(RoleName roleName, EmptyBody body, IfMatch ifMatch, AuditContext audit) {
        deletion.delete(roleName, ifMatch.expectedVersion(), audit);
        return ResponseEntity.noContent().build();
    }
}
