package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code PUT /api/v1/roles/{roleName}/permissions}: the whole new set. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record RolePermissions(
        @ArraySchema(schema = @Schema(minLength = 1, maxLength = 128, description = "an OAuth scope token"))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> permissions) {
}
