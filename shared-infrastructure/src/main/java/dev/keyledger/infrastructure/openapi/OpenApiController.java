package dev.keyledger.infrastructure.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyledger.infrastructure.access.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** {@code GET /api/v1/openapi.json} (API.md §5): the document of the admin routes this service runs. */
@RestController
class OpenApiController {

    static final String PATH = "/api/v1/openapi.json";

    private final AdminApiDocument document;

    OpenApiController(AdminApiDocument document) {
        this.document = document;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @PublicEndpoint("the API's description holds no data, and clients need it before they hold a token")
    @Operation(summary = "This document: the admin API as OpenAPI 3.1")
    @ApiResponse(responseCode = "200", description = "an OpenAPI 3.1 document",
            content = @Content(schema = @Schema(type = "object")))
    ResponseEntity<byte[]> document(HttpServletRequest request) throws JsonProcessingException {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(document.openapiJson(request, PATH, Locale.ROOT));
    }
}
