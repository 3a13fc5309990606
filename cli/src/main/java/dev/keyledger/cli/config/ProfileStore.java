package dev.keyledger.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code credentials.json} in the config folder: {@code {"profiles": {"<name>": {"url", "clientId", "clientSecret"}}}},
 * owner-only like {@code ~/.aws/credentials} should be. It holds the sign-in credentials only.
 */
public final class ProfileStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public ProfileStore(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve("credentials.json");
    }

    public Optional<Profile> find(String name) {
        JsonNode entry = read().path("profiles").path(name);
        if (!entry.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(name, URI.create(entry.path("url").asText()), entry.path("clientId").asText(),
                entry.path("clientSecret").asText()));
    }

    public void save(Profile profile) {
        ObjectNode root = read();
        ObjectNode profiles = root.has("profiles") ? (ObjectNode) root.get("profiles") : root.putObject("profiles");
        profiles.putObject(profile.name())
                .put("url", profile.url().toString())
                .put("clientId", profile.clientId())
                .put("clientSecret", profile.clientSecret());
        OwnerOnlyFiles.ensureFolder(folder);
        try {
            OwnerOnlyFiles.write(file(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read() {
        Path file = file();
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
