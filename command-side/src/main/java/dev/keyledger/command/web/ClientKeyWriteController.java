package dev.keyledger.command.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.web.body.NewClientKey;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.jwk.InvalidJwk;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.client.command.AddClientKey;
import dev.keyledger.kernel.client.command.RemoveClientKey;
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.view.ClientKeyView;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/**
 * The client key writes of the admin API (API.md §2 "Client keys and federated credentials"): public keys for
 * {@code private_key_jwt}, under the same rules as secrets. Only public material is accepted.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientKeyWriteController {

    private static final Set<String> READ_ONLY = Set.of("keyId", "kid", "kty", "alg", "createdAt", "lastUsedAt",
            "client");

    private final CommandDispatcher dispatcher;
    private final StateViews views;

    ClientKeyWriteController(CommandDispatcher dispatcher, StateViews views) {
        this.dispatcher = dispatcher;
        this.views = views;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewClientKey.class)))
    @ApiResponse(responseCode = "201", description = "the registered key and the client", useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/keys")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<RegisteredKey> addKey(ClientId clientId, HttpServletRequest http, IfMatch ifMatch,
                                         AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, false).accept(Set.of("jwk", "expiresAt"), READ_ONLY);
        PublicJwk jwk = fields.object("jwk", true).map(node -> parse(node, fields)).orElse(null);
        Instant expiresAt = fields.futureInstant("expiresAt", Instant.now()).orElse(null);
        fields.validate();
        ClientKeyId keyId = ClientKeyId.generate();
        ClientKey key = new ClientKey(keyId, jwk.kid(), jwk.kty(), jwk.alg(), jwk.json(), expiresAt);
        ClientState state = dispatcher.send(new AddClientKey(clientId, key, ifMatch.expectedVersion()), audit);
        ClientView client = views.client(state);
        ClientKeyView added = client.keys().stream()
                .filter(candidate -> candidate.keyId().equals(keyId))
                .findFirst()
                .orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(Versions.etag(state.version()))
                .body(RegisteredKey.of(added, client));
    }

    @ApiResponse(responseCode = "200", description = "the client without that key", useReturnTypeSchema = true)
    @AnswersWithETag
    @DeleteMapping("/{clientId}/keys/{keyId}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> removeKey(@RequestParam(name = "force", defaultValue = "false") boolean force,
                                         ClientId clientId, ClientKeyId keyId, EmptyBody body, IfMatch ifMatch,
                                         AuditContext audit) {
        ClientState state = dispatcher.send(new RemoveClientKey(clientId, keyId, force, ifMatch.expectedVersion()),
                audit);
        return ResponseEntity.ok().eTag(Versions.etag(state.version())).body(views.client(state));
    }

    private static PublicJwk parse(ObjectNode node, JsonBody fields) {
        try {
            return PublicJwk.parse(node);
        } catch (InvalidJwk e) {
            fields.reject("jwk", e);
            return null;
        }
    }
}
