package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.cli.CliFailure;

import java.time.Instant;
import java.util.Optional;

/** A client's secrets as its representation lists them, by slot. */
record ClientSecrets(JsonNode client, Optional<JsonNode> primary, Optional<JsonNode> secondary) {

    static ClientSecrets of(JsonNode client) {
        Optional<JsonNode> primary = Optional.empty();
        Optional<JsonNode> secondary = Optional.empty();
        for (JsonNode secret : client.path("secrets")) {
            if ("PRIMARY".equals(secret.path("slot").asText())) {
                primary = Optional.of(secret);
            } else if ("SECONDARY".equals(secret.path("slot").asText())) {
                secondary = Optional.of(secret);
            }
        }
        return new ClientSecrets(client, primary, secondary);
    }

    String secondaryId() {
        return secondary.map(secret -> secret.path("secretId").asText()).orElseThrow(() -> CliFailure.refused(
                "client " + client.path("clientId").asText() + " has no secondary secret"));
    }

    /** A secondary newer than the primary is a new secret not yet promoted; an older one is the one it replaced. */
    boolean secondaryIsNewer() {
        return secondary.isPresent() && primary.isPresent()
                && createdAt(secondary.get()).isAfter(createdAt(primary.get()));
    }

    static String describe(JsonNode secret) {
        return secret.path("slot").asText() + " " + secret.path("secretId").asText() + " (…"
                + secret.path("hint").asText() + "): last used " + lastUsed(secret);
    }

    static String lastUsed(JsonNode secret) {
        JsonNode lastUsed = secret.path("lastUsedAt");
        return lastUsed.isTextual() ? lastUsed.asText() : "never";
    }

    private static Instant createdAt(JsonNode secret) {
        return Instant.parse(secret.path("createdAt").asText());
    }
}
