package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** {@code POST /api/v1/clients/{clientId}/secrets}; the body may also be left out. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record NewSecondarySecret(
        @Schema(types = {"string", "null"}, description = "RFC 3339, in the future") Instant expiresAt) {
}
