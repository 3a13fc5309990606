package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a handler the {@link AuditContext} of its request ({@link AdminRequests}). */
final class AuditContextArguments implements HandlerMethodArgumentResolver {

    private final AdminRequests adminRequests;

    AuditContextArguments(AdminRequests adminRequests) {
        this.adminRequests = adminRequests;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuditContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return adminRequests.of(request.getNativeRequest(HttpServletRequest.class));
    }
}
