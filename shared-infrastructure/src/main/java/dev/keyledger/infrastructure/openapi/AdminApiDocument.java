package dev.keyledger.infrastructure.openapi;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springdoc.webmvc.api.OpenApiResource;
import org.springframework.beans.factory.ObjectFactory;

/**
 * springdoc's document builder without its controller: springdoc's own {@code OpenApiWebMvcResource} is a controller
 * mapped at {@code /v3/api-docs} that declares no access rule, so it is switched off
 * ({@code springdoc.enable-default-api-docs=false}) and {@link OpenApiController} serves what this builds.
 */
final class AdminApiDocument extends OpenApiResource {

    AdminApiDocument(ObjectFactory<OpenAPIService> openApiService, AbstractRequestService requests,
                     GenericResponseService responses, OperationService operations,
                     SpringDocConfigProperties properties, SpringDocProviders providers,
                     SpringDocCustomizers customizers) {
        super(openApiService, requests, responses, operations, properties, providers, customizers);
    }

    /** Never used: the document names its server itself, relative to wherever it was fetched from. */
    @Override
    protected String getServerUrl(HttpServletRequest request, String apiDocsUrl) {
        return "";
    }
}
