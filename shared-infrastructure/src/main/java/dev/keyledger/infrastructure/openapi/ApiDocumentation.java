package dev.keyledger.infrastructure.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;


/**
 * The pieces of an operation every side describes the same way: an RFC 9457 problem answer, a request header, a
 * response header on the successful answers. Each side's customizer uses them for what only it knows.
 */
public final class ApiDocumentation {

    /** The component schema of an RFC 9457 problem (API.md §2). */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private ApiDocumentation() {
    }

    /** Adds the problem answer {@code status} unless the operation already documents that status. */
    public static void problem(Operation operation, int status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().computeIfAbsent(Integer.toString(status), code -> new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                        new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** An optional request header. */
    public static void requestHeader(Operation operation, String name, String description) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn())
                        && name.equalsIgnoreCase(parameter.getName()));
        if (!present) {
            Parameter header = new HeaderParameter().name(name).description(description).required(false)
                    .schema(string());
            operation.addParametersItem(header);
        }
    }

    /** A header every successful (2xx) answer of the operation carries. */
    public static void responseHeader(Operation operation, String name, String description) {
        if (operation.getResponses() == null) {
            return;
        }
        for (String status : operation.getResponses().keySet()) {
            if (status.startsWith("2")) {
                responseHeader(operation, Integer.parseInt(status), name, description);
            }
        }
    }

    /** A header the answer {@code status} of the operation always carries; that answer must be documented. */
    public static void responseHeader(Operation operation, int status, String name, String description) {
        ApiResponse response = operation.getResponses().get(Integer.toString(status));
        response.addHeaderObject(name, new Header().description(description).required(true).schema(string()));
    }

    static Schema<?> string() {
        return new JsonSchema().typesItem("string");
    }
}
