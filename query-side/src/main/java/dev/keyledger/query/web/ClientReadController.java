package dev.keyledger.query.web;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.api.EntityTags;
import dev.keyledger.infrastructure.api.NotFound;
import dev.keyledger.infrastructure.api.PathIds;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.audit.AuditTrail;
import dev.keyledger.query.client.ClientAsOf;
import dev.keyledger.query.client.ClientFilter;
import dev.keyledger.query.client.ClientQueries;
import dev.keyledger.query.client.ClientViews;
import dev.keyledger.query.paging.Page;
import dev.keyledger.query.paging.PageRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The client reads of the admin API (API.md §2 "Clients", the GET rows). */
@RestController
@RequestMapping("/api/v1/clients")
class ClientReadController {

    private final ClientQueries queries;
    private final ClientViews views;
    private final ClientAsOf asOf;
    private final AuditTrail audit;
    private final ReadYourWrites readYourWrites;

    ClientReadController(ClientQueries queries, ClientViews views, ClientAsOf asOf, AuditTrail audit,
                         ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.views = views;
        this.asOf = asOf;
        this.audit = audit;
        this.readYourWrites = readYourWrites;
    }
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "only clients in this state",
            schema = @Schema(type = "string", allowableValues = {"ACTIVE", "DISABLED", "DELETED"}))
    @Parameter(name = "role", in = ParameterIn.QUERY, description = "only clients holding this role",
            schema = @Schema(type = "string"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "the name contains this, ignoring case",
            schema = @Schema(type = "string"))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "items per page",
            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))

    @GetMapping
    @RequiresPermission(AdminPermissions.CLIENTS_READ)
    Page<ClientView> list(HttpServletRequest http) {
        QueryParams params = QueryParams.of(http, Set.of("status", "role", "q", "page", "size"));
        ClientStatus status = params.parsed("status", ClientStatus::valueOf, "must be ACTIVE, DISABLED or DELETED")
                .orElse(null);
        RoleName role = params.parsed("role", RoleName::new, RoleName.RULE).orElse(null);
        String nameContains = params.text("q", 200).orElse(null);
        PageRequest page = params.page();
        params.validate();
        return queries.list(new ClientFilter(status, role, nameContains), page).map(views::render);
    }
    @AnswersWithETag
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "the state as it was at this instant (RFC 3339)",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = "minVersion", in = ParameterIn.QUERY,
            description = "wait up to 2 s for the read model to reach this version, else 503",
            schema = @Schema(type = "integer", minimum = "0"))

    @GetMapping("/{clientId}")
    @RequiresPermission(AdminPermissions.CLIENTS_READ)
    ResponseEntity<ClientView> one(@PathVariable String clientId, HttpServletRequest http) {
        QueryParams params = QueryParams.of(http, Set.of("asOf", "minVersion"));
        Optional<Instant> instant = params.instant("asOf");
        Optional<Long> minVersion = params.integer("minVersion", 0, Long.MAX_VALUE);
        params.refuseTogether("asOf", "minVersion");
        params.validate();
        ClientId id = PathIds.client(clientId);
        ClientView client;
        if (instant.isPresent()) {
            client = asOf.at(id, instant.get()).orElseThrow(() ->
                    new NotFound("unknown-client", "there was no such client at " + instant.get()));
        } else {
            minVersion.ifPresent(version -> readYourWrites.await(version, () -> queries.reached(id, version)));
            client = queries.find(id).map(views::render).orElseThrow(PathIds::unknownClient);
        }
        return ResponseEntity.ok().eTag(EntityTags.of(client.version())).body(client);
    }

    @GetMapping("/{clientId}/events")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    Map<String, List<AuditEntry>> history(@PathVariable String clientId, HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        List<AuditEntry> entries = audit.history(PathIds.client(clientId).value());
        if (entries.isEmpty()) {
            throw PathIds.unknownClient();
        }
        return Map.of("items", entries);
    }
}
