package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** {@code PATCH /api/v1/clients/{clientId}}: only the fields present change; a null description removes it. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ClientDetails(
        @Schema(minLength = 1, maxLength = 200, description = "not blank") String name,
        @Schema(types = {"string", "null"}, maxLength = 2000) String description,
        @Schema(minimum = "60", maximum = "86400") Integer accessTokenTtlSeconds,
        @ArraySchema(maxItems = 100) List<URI> allowedAudiences) {
}
