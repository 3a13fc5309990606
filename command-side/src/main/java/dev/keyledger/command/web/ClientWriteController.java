package dev.keyledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.idempotency.IdempotentExecution;
import dev.keyledger.command.idempotency.StoredAnswer;
import dev.keyledger.command.secret.NewSecret;
import dev.keyledger.command.secret.SecretGenerator;
import dev.keyledger.command.web.body.ClientDetails;
import dev.keyledger.command.web.body.NewClient;
import dev.keyledger.command.web.body.NewSecondarySecret;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.api.PathIds;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.client.command.AddSecondarySecret;
import dev.keyledger.kernel.client.command.AssignRole;
import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.client.command.DeleteClient;
import dev.keyledger.kernel.client.command.DeleteSecondarySecret;
import dev.keyledger.kernel.client.command.DisableClient;
import dev.keyledger.kernel.client.command.EnableClient;
import dev.keyledger.kernel.client.command.PromoteSecondarySecret;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.client.command.RotateClientSecret;
import dev.keyledger.kernel.client.command.UnassignRole;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.SecretSlot;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The client writes of the admin API (API.md §2 "Clients"). Every answer carries the state and its ETag. */
@RestController
@RequestMapping("/api/v1/clients")
class ClientWriteController {

    private static final Set<String> READ_ONLY = Set.of("clientId", "status", "permissions", "secrets", "version",
            "createdAt", "updatedAt", "clientSecret");
    private static final Set<String> REGISTRATION_FIELDS = Set.of("name", "description", "roles",
            "accessTokenTtlSeconds", "allowedAudiences");
    private static final Set<String> DETAIL_FIELDS = Set.of("name", "description", "accessTokenTtlSeconds",
            "allowedAudiences");

    private final CommandDispatcher dispatcher;
    private final SecretGenerator secrets;
    private final IdempotentExecution idempotency;
    private final StateViews views;
    private final ObjectMapper json;

    ClientWriteController(CommandDispatcher dispatcher, SecretGenerator secrets,
                          IdempotentExecution idempotency, StateViews views,
                          ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.secrets = secrets;
        this.idempotency = idempotency;
        this.views = views;
        this.json = json;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewClient.class)))
    @ApiResponse(responseCode = "201", description = "registered; clientSecret is shown this once",
            content = @Content(schema = @Schema(implementation = RegisteredClient.class)))
    @AnswersWithETag
    @PostMapping
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<byte[]> register(HttpServletRequest http,
                                    @Parameter(description = IdempotencyKeys.MEANING)
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    AuditContext audit) {
        byte[] body = JsonRequests.read(http);
        JsonBody fields = JsonBody.parse(body, false).accept(REGISTRATION_FIELDS, READ_ONLY);
        ClientName name = fields.value("name", true, ClientName::new).orElse(null);
        ClientDescription description = fields.value("description", false, ClientDescription::new).orElse(null);
        List<RoleName> roles = fields.list("roles", 100, false, RoleName::new).orElse(List.of());
        TokenLifetime ttl = fields.integer("accessTokenTtlSeconds", TokenLifetime::ofSeconds)
                .orElse(TokenLifetime.DEFAULT);
        List<Audience> audiences = fields.list("allowedAudiences", 100, false, Audience::parse).orElse(List.of());
        IdempotencyKeys.validate(key);
        fields.validate();

        RegisterClientRequest request = new RegisterClientRequest(name, description, Set.copyOf(roles), ttl, audiences);
        StoredAnswer answer = key == null
                ? register(request, audit)
                : idempotency.execute(audit.actor(), key, body, () -> register(request, audit));
        return ResponseEntity.status(answer.status())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.LOCATION, answer.location())
                .eTag(answer.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private StoredAnswer register(RegisterClientRequest request, AuditContext audit) {
        ClientId clientId = ClientId.generate();
        NewSecret secret = secrets.generate(null);
        ClientState state = dispatcher.send(new RegisterClient(clientId, request.name(), request.description(),
                request.roles(), request.accessTokenLifetime(), request.allowedAudiences(), secret.hashed()), audit);
        byte[] body = toJson(new RegisteredClient(views.newClient(state), secret.plaintext()));
        return new StoredAnswer(HttpStatus.CREATED.value(), "/api/v1/clients/" + clientId,
                Versions.etag(state.version()), body);
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClientDetails.class)))
    @ApiResponse(responseCode = "200", description = "the changed client", useReturnTypeSchema = true)
    @AnswersWithETag
    @PatchMapping("/{clientId}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> changeDetails(ClientId clientId, HttpServletRequest http, IfMatch ifMatch,
                                             AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, false).accept(DETAIL_FIELDS, union(READ_ONLY, Set.of("roles")));
        ClientName name = fields.value("name", false, ClientName::new).orElse(null);
        ClientDescription description = fields.isNull("description") ? ClientDescription.NONE
                : fields.value("description", false, ClientDescription::new).orElse(null);
        TokenLifetime ttl = fields.integer("accessTokenTtlSeconds", TokenLifetime::ofSeconds).orElse(null);
        List<Audience> audiences = fields.list("allowedAudiences", 100, false, Audience::parse).orElse(null);
        if (fields.isNull("name")) {
            throw new InvalidRequest("the request has invalid fields", List.of(new FieldError("name", "must not be null")));
        }
        fields.validate();
        return write(new ChangeClientDetails(clientId, name, description, ttl, audiences, ifMatch.expectedVersion()),
                audit);
    }

    @RequestBody(content = @Content(schema = @Schema(implementation = NewSecondarySecret.class)))
    @ApiResponse(responseCode = "201", description = "the new SECONDARY secret, shown this once, and the client",
            useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/secrets")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<IssuedSecret> addSecondarySecret(ClientId clientId, HttpServletRequest http, IfMatch ifMatch,
                                                    AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, true).accept(Set.of("expiresAt"), Set.of());
        Instant expiresAt = fields.futureInstant("expiresAt", Instant.now()).orElse(null);
        fields.validate();
        NewSecret secret = secrets.generate(expiresAt);
        ClientState state = dispatcher.send(
                new AddSecondarySecret(clientId, secret.hashed(), ifMatch.expectedVersion()), audit);
        return issued(secret, state);
    }

    @ApiResponse(responseCode = "201", description = "the new PRIMARY secret, shown this once, and the client",
            useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/secrets/rotate")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<IssuedSecret> rotate(ClientId clientId, EmptyBody body, IfMatch ifMatch, AuditContext audit) {
        NewSecret secret = secrets.generate(null);
        ClientState state = dispatcher.send(
                new RotateClientSecret(clientId, secret.hashed(), ifMatch.expectedVersion()), audit);
        return issued(secret, state);
    }

    @ApiResponse(responseCode = "200", description = "the client, the secondary now PRIMARY",
            useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/secrets/{secretId}/promote")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> promote(ClientId clientId, SecretId secretId, EmptyBody body, IfMatch ifMatch,
                                       AuditContext audit) {
        return write(new PromoteSecondarySecret(clientId, secretId, ifMatch.expectedVersion()), audit);
    }

    @ApiResponse(responseCode = "200", description = "the client without that secret", useReturnTypeSchema = true)
    @AnswersWithETag
    @DeleteMapping("/{clientId}/secrets/{secretId}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> deleteSecondarySecret(@RequestParam(name = "force", defaultValue = "false") boolean force,
                                                     ClientId clientId, SecretId secretId, EmptyBody body,
                                                     IfMatch ifMatch, AuditContext audit) {
        return write(new DeleteSecondarySecret(clientId, secretId, force, ifMatch.expectedVersion()), audit);
    }

    /** The role is read after the body, as it always was: a bad role with a bad body is answered about the body. */
    @ApiResponse(responseCode = "200", description = "the client holding the role", useReturnTypeSchema = true)
    @AnswersWithETag
    @PutMapping("/{clientId}/roles/{roleName}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> assignRole(ClientId clientId, EmptyBody body, RoleName roleName, IfMatch ifMatch,
                                          AuditContext audit) {
        return write(new AssignRole(clientId, roleName, ifMatch.expectedVersion()), audit);
    }

    @ApiResponse(responseCode = "200", description = "the client without the role", useReturnTypeSchema = true)
    @AnswersWithETag
    @DeleteMapping("/{clientId}/roles/{roleName}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> unassignRole(ClientId clientId, EmptyBody body, RoleName roleName, IfMatch ifMatch,
                                            AuditContext audit) {
        return write(new UnassignRole(clientId, roleName, ifMatch.expectedVersion()), audit);
    }

    @ApiResponse(responseCode = "200", description = "the disabled client", useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/disable")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> disable(ClientId clientId, EmptyBody body, IfMatch ifMatch, AuditContext audit) {
        return write(new DisableClient(clientId, ifMatch.expectedVersion()), audit);
    }

    @ApiResponse(responseCode = "200", description = "the enabled client", useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/enable")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> enable(ClientId clientId, EmptyBody body, IfMatch ifMatch, AuditContext audit) {
        return write(new EnableClient(clientId, ifMatch.expectedVersion()), audit);
    }

    @ApiResponse(responseCode = "200", description = "the deleted client, for good", useReturnTypeSchema = true)
    @AnswersWithETag
    @DeleteMapping("/{clientId}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> delete(ClientId clientId, EmptyBody body, IfMatch ifMatch, AuditContext audit) {
        return write(new DeleteClient(clientId, ifMatch.expectedVersion()), audit);
    }

    private ResponseEntity<ClientView> write(Object command, AuditContext audit) {
        ClientState state = dispatcher.send(command, audit);
        return ResponseEntity.ok().eTag(Versions.etag(state.version())).body(views.client(state));
    }

    private ResponseEntity<IssuedSecret> issued(NewSecret secret, ClientState state) {
        SecretId newId = secret.hashed().secretId();
        SecretState entry = state.secrets().stream()
                .filter(candidate -> candidate.secret().secretId().equals(newId))
                .findFirst()
                .orElseThrow();
        SecretSlot slot = entry.slot();
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .eTag(Versions.etag(state.version()))
                .body(new IssuedSecret(newId, slot, secret.plaintext(), entry.createdAt(), entry.secret().expiresAt(),
                        views.client(state)));
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a client representation could not be written as JSON", e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
