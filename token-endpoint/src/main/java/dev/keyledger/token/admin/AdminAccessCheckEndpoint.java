package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.access.AdminAccessCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The admin access check for command-side and query-side nodes that run apart ({@link AdminAccessCheck}). It tells
 * only what a holder of the token could learn by calling the admin API with it, and is not routed by the proxy.
 */
@RestController
class AdminAccessCheckEndpoint {

    private final AdminAccessPolicy policy;
    private final ObjectMapper json;

    AdminAccessCheckEndpoint(AdminAccessPolicy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    @GetMapping(AdminAccessCheck.PATH)
    void check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getHeader(AdminAccessCheck.METHOD_HEADER);
        String path = request.getHeader(AdminAccessCheck.PATH_HEADER);
        AdminAccessVerdict verdict = method == null || path == null
                ? AdminAccessVerdict.forbidden("the check needs the method and path of the call to check")
                : policy.decide(request.getHeader("Authorization"), method, path);
        if (!verdict.isAllowed()) {
            verdict.writeRefusal(response, json);
            return;
        }
        response.setHeader(AdminAccessCheck.CALLER_HEADER, verdict.caller());
        response.setStatus(204);
    }
}
