package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/roles}. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record NewRole(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[a-z0-9][a-z0-9._-]{0,63}$") String name,
        @Schema(types = {"string", "null"}, maxLength = 2000) String description,
        @ArraySchema(schema = @Schema(minLength = 1, maxLength = 128, description = "an OAuth scope token"))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> permissions) {
}
