package dev.keyledger.command.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a handler its {@link IfMatch}. */
final class IfMatchArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        // Several If-Match lines are joined with commas, as @RequestHeader String did: never one tag of them alone.
        String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
        return new IfMatch(values == null ? null : String.join(",", values));
    }
}
