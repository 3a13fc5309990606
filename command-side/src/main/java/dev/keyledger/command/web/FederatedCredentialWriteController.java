package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.web.body.NewFederatedCredential;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.federation.FederationIssuers;
import dev.keyledger.infrastructure.federation.SubjectPattern;
import dev.keyledger.infrastructure.openapi.AnswersWithETag;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.client.command.AddFederatedCredential;
import dev.keyledger.kernel.client.command.RemoveFederatedCredential;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.FederatedCredentialView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * The federated credential writes of the admin API (API.md §2 "Client keys and federated credentials"): which
 * workload identities a client trusts. Only issuers the operator allow-listed ({@code KEYLEDGER_FEDERATION_ISSUERS})
 * can be named: a client never makes an issuer trusted by naming it.
 */
@RestController
@RequestMapping("/api/v1/clients")
class FederatedCredentialWriteController {

    private static final Set<String> READ_ONLY = Set.of("credentialId", "createdAt", "lastUsedAt", "client");

    private final CommandDispatcher dispatcher;
    private final StateViews views;
    private final FederationIssuers allowedIssuers;

    FederatedCredentialWriteController(CommandDispatcher dispatcher, StateViews views,
                                       @Value("${keyledger.federation.issuers:}") String allowedIssuers) {
        this.dispatcher = dispatcher;
        this.views = views;
        this.allowedIssuers = FederationIssuers.parse(allowedIssuers);
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewFederatedCredential.class)))
    @ApiResponse(responseCode = "201", description = "the trusted workload identity and the client",
            useReturnTypeSchema = true)
    @AnswersWithETag
    @PostMapping("/{clientId}/federated-credentials")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<RegisteredFederatedCredential> add(ClientId clientId, HttpServletRequest http, IfMatch ifMatch,
                                                      AuditContext audit) {
        JsonBody fields = JsonRequests.object(http, false).accept(Set.of("issuer", "subject", "audiences"), READ_ONLY);
        String issuer = fields.value("issuer", true, this::allowListed).orElse(null);
        String subject = fields.text("subject", 512, true).orElse(null);
        List<String> audiences = fields.list("audiences", 10, true, FederatedCredentialWriteController::audience)
                .orElse(null);
        if (subject != null && subject.isBlank()) {
            fields.reject("subject", new IllegalArgumentException("must not be blank"));
        } else if (subject != null) {
            SubjectPattern.problem(subject)
                    .ifPresent(problem -> fields.reject("subject", new IllegalArgumentException(problem)));
        }
        if (audiences != null && audiences.isEmpty()) {
            fields.reject("audiences", new IllegalArgumentException("must hold at least one audience"));
        }
        fields.validate();
        FederatedCredentialId credentialId = FederatedCredentialId.generate();
        ClientState state = dispatcher.send(new AddFederatedCredential(clientId,
                new FederatedCredential(credentialId, issuer, subject, audiences), ifMatch.expectedVersion()), audit);
        ClientView client = views.client(state);
        FederatedCredentialView added = client.federatedCredentials().stream()
                .filter(candidate -> candidate.credentialId().equals(credentialId))
                .findFirst()
                .orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(Versions.etag(state.version()))
                .body(RegisteredFederatedCredential.of(added, client));
    }

    @ApiResponse(responseCode = "200", description = "the client without that federated credential",
            useReturnTypeSchema = true)
    @AnswersWithETag
    @DeleteMapping("/{clientId}/federated-credentials/{credentialId}")
    @RequiresPermission(AdminPermissions.CLIENTS_WRITE)
    ResponseEntity<ClientView> remove(ClientId clientId, FederatedCredentialId credentialId, EmptyBody body,
                                      IfMatch ifMatch, AuditContext audit) {
        ClientState state = dispatcher.send(new RemoveFederatedCredential(clientId, credentialId,
                ifMatch.expectedVersion()), audit);
        return ResponseEntity.ok().eTag(Versions.etag(state.version())).body(views.client(state));
    }

    private String allowListed(String issuer) {
        if (!allowedIssuers.trusts(issuer)) {
            throw new IllegalArgumentException("is not an issuer the operator trusts (KEYLEDGER_FEDERATION_ISSUERS)");
        }
        return issuer;
    }

    private static String audience(String value) {
        if (value.isBlank() || value.length() > 512) {
            throw new IllegalArgumentException("an audience is 1-512 characters");
        }
        return value;
    }
}
