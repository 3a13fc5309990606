package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/clients/{clientId}/federated-credentials}: a workload identity to trust. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record NewFederatedCredential(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "an issuer URL allow-listed by the operator"
                + " (KEYLEDGER_FEDERATION_ISSUERS)") String issuer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 512,
                description = "the token's sub, exactly") String subject,
        @ArraySchema(minItems = 1, maxItems = 10, schema = @Schema(description = "a value the token's aud must hold"))
        List<String> audiences) {
}
