package dev.keyledger.command.web.body;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** {@code POST /api/v1/clients/{clientId}/keys}: a public JWK for private_key_jwt. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record NewClientKey(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a public JWK (RFC 7517): EC P-256, RSA of "
                + "2048 to 4096 bits or OKP Ed25519; kid (else its RFC 7638 thumbprint), alg and use \"sig\" optional;"
                + " a private member is refused") Map<String, Object> jwk,
        @Schema(types = {"string", "null"}, description = "RFC 3339, in the future") Instant expiresAt) {
}
