package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AdminCaller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs after Spring MVC has chosen the handler, and asks for exactly the permission that handler declares. A handler
 * that declares nothing, and anything that is not a controller method, is refused: unknown means denied. On success
 * the caller's client id is handed on as {@link AdminCaller#REQUEST_ATTRIBUTE}.
 */
public final class HandlerPermissionInterceptor implements HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerPermissionInterceptor.class);

    private final AdminAuthorizer authorizer;
    private final ObjectMapper json;
    /**
     * Each controller method's rule, looked up once: Spring hands over a new {@link HandlerMethod} for every request,
     * and searching its annotations again was a twentieth of an admin command's time on its lane. Keyed by the
     * method Spring routed to, so the rule is still that method's own.
     */
    private final Map<Method, HandlerRule> rules = new ConcurrentHashMap<>();

    public HandlerPermissionInterceptor(AdminAuthorizer authorizer, ObjectMapper json) {
        this.authorizer = authorizer;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                && request.getAttribute(AdminCaller.REQUEST_ATTRIBUTE) != null) {
            return true; // the same request, dispatched again (async completion): decided once already
        }
        if (!(handler instanceof HandlerMethod method)) {
            return refuse(response, AccessVerdict.forbidden("no access rule covers this resource"));
        }
        HandlerRule rule = rules.computeIfAbsent(method.getMethod(), declared -> HandlerRule.of(method));
        if (rule.isPublic()) {
            return true;
        }
        RequiresPermission required = rule.required();
        if (required == null) {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                return true; // the container rendering an error of a request that was refused or failed already
            }
            if (method.getBeanType().getPackageName().startsWith("dev.keyledger")) {
                // Ours and undeclared: a mistake the route test should have caught. Framework handlers (the error
                // controller, automatic OPTIONS answers) are refused without a line, or anyone could fill the log.
                LOG.error("refused a call to {}: the handler declares no permission", method.getShortLogMessage());
            }
            return refuse(response, AccessVerdict.forbidden("no access rule covers this resource"));
        }
        if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
            return refuse(response, AccessVerdict.malformedRequest("Authorization is given more than once"));
        }
        AccessVerdict verdict = authorizer.authorize(request.getHeader("Authorization"), required.value());
        if (!verdict.isAllowed()) {
            return refuse(response, verdict);
        }
        request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, verdict.caller());
        return true;
    }

    /** What a controller method declares: public, or the permission it requires (null: nothing, so refused). */
    private record HandlerRule(boolean isPublic, RequiresPermission required) {

        static HandlerRule of(HandlerMethod method) {
            return new HandlerRule(method.hasMethodAnnotation(PublicEndpoint.class),
                    method.getMethodAnnotation(RequiresPermission.class));
        }
    }

    private boolean refuse(HttpServletResponse response, AccessVerdict verdict) throws IOException {
        verdict.writeRefusal(response, json);
        return false;
    }
}
