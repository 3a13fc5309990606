package dev.keyledger.query.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/integration/kafka/republish} as documented; the handler reads it strictly itself. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record RepublishRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "a global position")
        long fromPosition) {
}
