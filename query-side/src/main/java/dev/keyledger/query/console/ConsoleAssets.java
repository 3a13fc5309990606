package dev.keyledger.query.console;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's files, named by {@value #MANIFEST}: only what that list names can ever be served, looked up by exact
 * name in a map, so no spelling of a path reaches the classpath or the file system (docs/DECISIONS.md 100).
 */
@Component
class ConsoleAssets {

    static final String FOLDER = "console/";
    static final String MANIFEST = FOLDER + "assets.txt";

    private static final Map<String, MediaType> TYPES = Map.of(
            "html", MediaType.parseMediaType("text/html;charset=UTF-8"),
            "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "css", MediaType.parseMediaType("text/css;charset=UTF-8"),
            "svg", MediaType.parseMediaType("image/svg+xml"));

    private final Map<String, ConsoleAsset> byName;

    ConsoleAssets() {
        this.byName = load();
    }

    Optional<ConsoleAsset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Map<String, ConsoleAsset> load() {
        Map<String, ConsoleAsset> assets = new LinkedHashMap<>();
        for (String line : read(MANIFEST).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("[a-z0-9-]+\\.[a-z]+")) {
                throw new IllegalStateException("the console manifest names an unusable file: " + name);
            }
            byte[] content = readBytes(FOLDER + name);
            assets.put(name, new ConsoleAsset(name, content, mediaTypeOf(name), entityTag(content)));
        }
        return Map.copyOf(assets);
    }

    private static MediaType mediaTypeOf(String name) {
        MediaType type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalStateException("the console manifest names a file of an unknown type: " + name);
        }
        return type;
    }

    private static String entityTag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the console file " + path + " is missing from the jar", e);
        }
    }
}
