package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** {@code POST /api/v1/clients}. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record NewClient(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200,
                description = "not blank") String name,
        @Schema(types = {"string", "null"}, maxLength = 2000) String description,
        @ArraySchema(maxItems = 100, arraySchema = @Schema(description = "names of existing roles"))
        List<String> roles,
        @Schema(minimum = "60", maximum = "86400", defaultValue = "3600") Integer accessTokenTtlSeconds,
        @ArraySchema(maxItems = 100) List<URI> allowedAudiences) {
}
