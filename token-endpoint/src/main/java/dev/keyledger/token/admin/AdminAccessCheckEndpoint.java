package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.AccessVerdict;
import dev.keyledger.infrastructure.access.AdminAccessCheck;
import dev.keyledger.infrastructure.access.CheckSignature;
import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.kernel.audit.AdminPermissions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The admin access check for command-side and query-side nodes that run apart ({@link AdminAccessCheck}). It tells
 * only what a holder of the token could learn by calling the admin API with it, signs what it allows, and is not
 * routed by the proxy.
 */
@RestController
class AdminAccessCheckEndpoint {

    private final AdminAccessPolicy policy;
    private final CheckSignature signature;
    private final ObjectMapper json;

    AdminAccessCheckEndpoint(AdminAccessPolicy policy, CheckSignature signature, ObjectMapper json) {
        this.policy = policy;
        this.signature = signature;
        this.json = json;
    }

    @GetMapping(AdminAccessCheck.PATH)
    @PublicEndpoint("it decides for the token presented to it, and its allowing answers are signed")
    void check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String permission = request.getHeader(AdminAccessCheck.PERMISSION_HEADER);
        String nonce = request.getHeader(AdminAccessCheck.NONCE_HEADER);
        // A missing header is refused before the lookup: the immutable permission list throws on contains(null).
        if (permission == null || !AdminPermissions.ALL.contains(permission)
                || !CheckSignature.isWellFormedNonce(nonce)) {
            AccessVerdict.malformedRequest("the check needs a known permission and a nonce")
                    .writeRefusal(response, json);
            return;
        }
        AccessVerdict verdict = policy.authorize(request.getHeader("Authorization"), permission);
        if (!verdict.isAllowed()) {
            verdict.writeRefusal(response, json);
            return;
        }
        response.setHeader(AdminAccessCheck.CALLER_HEADER, verdict.caller());
        response.setHeader(AdminAccessCheck.SIGNATURE_HEADER, signature.sign(nonce, permission, verdict.caller()));
        response.setStatus(204);
    }
}
