package dev.keyledger.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code tokens.json} beside the profiles: each profile's last access token, so that a run of commands signs in once
 * an hour rather than once a command. A token is kept with the URL and client it was issued for, and is used only
 * for exactly those.
 */
public final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public TokenCache(Path folder) {
        this.folder = folder;
    }

    public Optional<CachedToken> find(Profile profile) {
        JsonNode entry = read().path(profile.name());
        if (!entry.isObject() || !entry.path("url").asText().equals(profile.url().toString())
                || !entry.path("clientId").asText().equals(profile.clientId())) {
            return Optional.empty();
        }
        return Optional.of(new CachedToken(entry.path("accessToken").asText(),
                Instant.parse(entry.path("expiresAt").asText())));
    }

    public void save(Profile profile, CachedToken token) {
        ObjectNode root = read();
        root.putObject(profile.name())
                .put("url", profile.url().toString())
                .put("clientId", profile.clientId())
                .put("accessToken", token.accessToken())
                .put("expiresAt", token.expiresAt().toString());
        write(root);
    }

    public void forget(Profile profile) {
        ObjectNode root = read();
        if (root.remove(profile.name()) != null) {
            write(root);
        }
    }

    private void write(ObjectNode root) {
        OwnerOnlyFiles.ensureFolder(folder);
        try {
            OwnerOnlyFiles.write(folder.resolve("tokens.json"), JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read() {
        Path file = folder.resolve("tokens.json");
        try {
            JsonNode root = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
            return root instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            // A damaged cache costs one sign-in, nothing more.
            return JSON.createObjectNode();
        }
    }

    /** An access token and when it stops working. */
    public record CachedToken(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "CachedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
