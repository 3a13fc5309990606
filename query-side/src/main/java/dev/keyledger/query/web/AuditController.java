package dev.keyledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.audit.WireNames;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.query.audit.AuditPage;
import dev.keyledger.query.audit.AuditTrail;
import dev.keyledger.query.chain.ChainVerdict;
import dev.keyledger.query.chain.ChainVerifier;
import dev.keyledger.query.chain.EvidenceExport;
import dev.keyledger.query.eventstore.EventCriteria;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The global audit feed (API.md §2 "Audit"): every event in global order, filtered, as JSON pages with a cursor or,
 * with {@code Accept: application/x-ndjson}, streamed one entry a line.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_PAGE = 1000;
    private static final Set<String> PARAMS = Set.of("after", "limit", "type", "aggregateId", "from", "to");
    /** Wire name to the Java class name stored as the payload type. */
    private static final Map<String, String> PAYLOAD_TYPES = WireNames.all().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, entry -> entry.getKey().getName()));

    private final AuditTrail audit;
    private final ChainVerifier chain;
    private final EvidenceExport evidence;
    private final ObjectMapper json;

    AuditController(AuditTrail audit, ChainVerifier chain, EvidenceExport evidence, ObjectMapper json) {
        this.audit = audit;
        this.chain = chain;
        this.evidence = evidence;
        this.json = json;
    }

    /** Recomputes the hash chain over all events and says whether, and where first, the history was altered. */
    @GetMapping("/verify")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    ChainVerdict verify(HttpServletRequest http) {
        QueryParams.of(http, Set.of()).validate();
        return chain.verify();
    }

    /**
     * The evidence file of a range of positions ({@code from} inclusive, {@code to} exclusive; the whole chain by
     * default), streamed like the NDJSON export (docs/AUDIT-EVIDENCE.md).
     */
    @GetMapping("/evidence")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "from this global position, inclusive",
            schema = @Schema(type = "integer", minimum = "1"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "up to this global position, exclusive",
            schema = @Schema(type = "integer", minimum = "1"))
    @ApiResponse(responseCode = "200", description = "the evidence file (docs/AUDIT-EVIDENCE.md)", content =
            @Content(mediaType = "application/x-ndjson",
                    schema = @Schema(type = "string", description = "one JSON object per line")))
    void evidence(HttpServletRequest http, HttpServletResponse response) throws IOException {
        QueryParams params = QueryParams.of(http, Set.of("from", "to"));
        Long from = params.integer("from", 1, Long.MAX_VALUE).orElse(null);
        Long to = params.integer("to", 1, Long.MAX_VALUE).orElse(null);
        params.refuseUnless("to", from == null || to == null || from < to, "must be greater than from");
        params.validate();
        response.setContentType(NDJSON.toString());
        OutputStream out = response.getOutputStream();
        try {
            evidence.write(from, to, out);
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw new ExportInterrupted("audit evidence", e);
            }
            response.resetBuffer();
            response.setContentType(null);
            throw e;
        }
    }

    @Parameter(name = "after", in = ParameterIn.QUERY, description = "only entries after this global position",
            schema = @Schema(type = "integer", minimum = "0"))
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            description = "entries per page (at most 1000; unlimited when streamed)",
            schema = @Schema(type = "integer", minimum = "1"))
    @Parameter(name = "type", in = ParameterIn.QUERY,
            description = "wire names separated by commas, such as client.registered,role.deleted",
            schema = @Schema(type = "string"))
    @Parameter(name = "aggregateId", in = ParameterIn.QUERY, description = "a client id, a role name or a key id",
            schema = @Schema(type = "string"))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "from this instant, inclusive",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "before this instant",
            schema = @Schema(type = "string", format = "date-time"))
    @ApiResponse(responseCode = "200", description = "the entries in global order", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = "application/x-ndjson",
                    schema = @Schema(type = "string", description = "one audit entry per line, as in items"))})
    @GetMapping("/events")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    Object events(HttpServletRequest http, HttpServletResponse response) throws IOException {
        boolean streamed = wantsNdjson(http.getHeader(HttpHeaders.ACCEPT));
        QueryParams params = QueryParams.of(http, PARAMS);
        long after = params.integer("after", 0, Long.MAX_VALUE).orElse(-1L);
        Integer limit = params.integer("limit", 1, streamed ? Integer.MAX_VALUE : MAX_PAGE)
                .map(Long::intValue).orElse(streamed ? null : DEFAULT_LIMIT);
        List<String> types = params.parsed("type", AuditController::payloadTypes,
                "must be wire names separated by commas, such as client.registered,role.deleted").orElse(List.of());
        List<String> aggregateIds = params.text("aggregateId", 128).map(AuditController::storedIds).orElse(List.of());
        Instant from = params.instant("from").orElse(null);
        Instant to = params.instant("to").orElse(null);
        params.validate();
        EventCriteria criteria = new EventCriteria(types, aggregateIds, from, to, after, limit);
        if (!streamed) {
            AuditPage page = audit.page(criteria);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
        }
        export(criteria, response);
        return null;
    }

    /**
     * Streams the entries on the request's own thread, so that no async timeout applies: an export lasts as long as
     * its client reads (a client that stops reading is cut off by the connector's write timeout). A failure before
     * anything was sent answers as any failed read; after, it aborts the transfer (docs/DECISIONS.md 62).
     */
    private void export(EventCriteria criteria, HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON.toString());
        NdjsonLines lines = new NdjsonLines(response.getOutputStream(), json);
        try {
            audit.export(criteria, lines::write);
            lines.finish();
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw new ExportInterrupted(lines.written(), e);
            }
            // Nothing sent yet: the problem replaces the buffered lines and, unlike them, is not NDJSON.
            response.resetBuffer();
            response.setContentType(null);
            throw e;
        }
    }

    private static boolean wantsNdjson(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(NDJSON::equalsTypeAndSubtype);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> payloadTypes(String wireNames) {
        List<String> types = new ArrayList<>();
        for (String name : wireNames.split(",", -1)) {
            String type = PAYLOAD_TYPES.get(name.trim());
            if (type == null) {
                throw new IllegalArgumentException("unknown wire name");
            }
            types.add(type);
        }
        return types;
    }

    /**
     * The streams an aggregate id may name: a client's is stored under its id, a role's under {@code role:<name>}, a
     * signing key's under {@code signing-key:<kid>}, an audit key's under {@code audit-key:<kid>}. Client ids never
     * contain a colon, so the prefixed forms can only be a role's or a key's.
     */
    private static List<String> storedIds(String aggregateId) {
        List<String> ids = new ArrayList<>(List.of(aggregateId, SigningKeyStream.idOf(aggregateId),
                AuditKeyStream.idOf(aggregateId)));
        if (RoleName.isValid(aggregateId)) {
            ids.add(RoleStream.idOf(new RoleName(aggregateId)));
        }
        return ids;
    }

}
