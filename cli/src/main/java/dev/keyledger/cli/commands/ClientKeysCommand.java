package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code keyledger client-keys ...}: a client's public keys for {@code private_key_jwt} (API.md §2). */
@Command(name = "client-keys", description = "Register and remove a client's public keys (private_key_jwt).")
public class ClientKeysCommand extends Noun {

    @Command(name = "add", description = "Register a public key from a JWK file (EC P-256, RSA >= 2048 bits or"
            + " Ed25519; never the private key). At most two per client, so that keys rotate with no gap.",
            footer = {"%nExample:", "  keyledger client-keys add 3fJ9... --jwk-file deploy-1.public.jwk"
                    + " --expires-at 2027-06-30T00:00:00Z"})
    void add(@Parameters(paramLabel = "CLIENT_ID") String clientId,
             @Option(names = "--jwk-file", paramLabel = "PATH", required = true,
                     description = "The public key as a JWK (JSON).") Path jwkFile,
             @Option(names = "--expires-at", paramLabel = "TIME",
                     description = "When it stops working (RFC 3339, in the future).") String expiresAt) {
        ObjectNode body = object();
        body.set("jwk", jwk(jwkFile));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        printer().answer(api().send("POST", ClientsCommand.path(clientId) + "/keys", body),
                List.of("keyId", "kid", "kty", "alg", "expiresAt"));
    }

    @Command(name = "remove", description = "Remove a key. Refused while it authenticated within the service's"
            + " guard period (15 minutes by default) unless --force.",
            footer = {"%nExample:", "  keyledger client-keys remove 3fJ9... k_7Qx..."})
    void remove(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Parameters(paramLabel = "KEY_ID") String keyId,
                @Option(names = "--force", description = "Remove it even if machines used it moments ago (they"
                        + " will fail).") boolean force) {
        printer().answer(api().send("DELETE", ClientsCommand.path(clientId) + "/keys/" + segment(keyId)
                + (force ? "?force=true" : ""), null), List.of());
    }

    private JsonNode jwk(Path file) {
        try {
            JsonNode jwk = JSON.readTree(Files.readString(file));
            if (jwk == null || !jwk.isObject()) {
                throw new ParameterException(spec.commandLine(), file + " does not hold a JWK (a JSON object)");
            }
            return jwk;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read a JWK from " + file + ": "
                    + e.getMessage());
        }
    }
}
