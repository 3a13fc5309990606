package dev.keyledger.infrastructure.openapi;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.util.List;

/**
 * The OpenAPI document of the admin routes this service runs (API.md §5); imported by each side's configuration, so
 * that the standalone jar documents all of them and each separate service its own.
 */
@Configuration(proxyBeanMethods = false)
@Import(OpenApiController.class)
public class OpenApiConfiguration {

    @Bean
    AdminApiDocument adminApiDocument(ObjectFactory<OpenAPIService> openApiService, AbstractRequestService requests,
                                      GenericResponseService responses, OperationService operations,
                                      SpringDocConfigProperties properties, SpringDocProviders providers,
                                      SpringDocCustomizers customizers) {
        return new AdminApiDocument(openApiService, requests, responses, operations, properties, providers,
                customizers);
    }

    @Bean
    OpenAPI adminApi() {
        return new OpenAPI(SpecVersion.V31)
                .info(new Info().title("Keyledger admin API").version("v1")
                        .description("The admin API of Keyledger (API.md §2): clients, secrets, roles, signing keys "
                                + "and the audit trail. Every operation but this document needs a bearer token issued "
                                + "by this service holding the permission named in x-keyledger-permission."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(AccessRuleDocumentation.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("an access token from POST /oauth2/token whose aud holds the issuer"))
                        .addSchemas(ApiDocumentation.PROBLEM, problem()));
    }

    @Bean
    OperationCustomizer accessRuleDocumentation() {
        return new AccessRuleDocumentation();
    }

    @Bean
    OperationCustomizer entityTagDocumentation() {
        return new EntityTagDocumentation();
    }

    @Bean
    OpenApiCustomizer adminApiConventions() {
        return new AdminApiConventions();
    }

    @Bean
    ModelConverter recordNullability() {
        return new RecordNullability();
    }

    /** RFC 9457: extension members are allowed, so the object stays open. */
    private static Schema<?> problem() {
        Schema<?> fieldError = new JsonSchema().typesItem("object")
                .addProperty("field", ApiDocumentation.string())
                .addProperty("message", ApiDocumentation.string());
        fieldError.setRequired(List.of("field", "message"));
        Schema<?> problem = new JsonSchema().typesItem("object")
                .description("an RFC 9457 problem document")
                .addProperty("type", new JsonSchema().typesItem("string").format("uri-reference"))
                .addProperty("title", new JsonSchema().typesItem("string").typesItem("null"))
                .addProperty("status", new JsonSchema().typesItem("integer").minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new JsonSchema().typesItem("string").typesItem("null"))
                .addProperty("instance", new JsonSchema().typesItem("string").typesItem("null"))
                .addProperty("errors", new JsonSchema().typesItem("array").items(fieldError));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
