package dev.keyledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a handler its {@link EmptyBody} once the body is known to name no field ({@link JsonRequests}). */
final class EmptyBodyArguments implements HandlerMethodArgumentResolver {

    private static final EmptyBody CHECKED = new EmptyBody();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == EmptyBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        JsonRequests.requireNoFields(request.getNativeRequest(HttpServletRequest.class));
        return CHECKED;
    }
}
