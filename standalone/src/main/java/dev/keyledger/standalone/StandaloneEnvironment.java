package dev.keyledger.standalone;

import dev.keyledger.infrastructure.crypto.SecretFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the standalone service what it needs from its data folder before anything starts: when no
 * {@code KEYLEDGER_KEY_ENCRYPTION_KEY} is configured, a 256-bit key generated once into
 * {@code ${KEYLEDGER_DATA_DIR}/key-encryption-key}, readable by its owner only, and used on every later start. And
 * on the embedded PostgreSQL, which no other node can reach, unless configured otherwise: the views' processor in one
 * segment (docs/DECISIONS.md 144), and this node as the event store's only writer, which keeps clients in memory
 * between commands (146).
 */
public class StandaloneEnvironment implements EnvironmentPostProcessor {

    static final String KEY_FILE = "key-encryption-key";
    private static final String KEK_PROPERTY = "keyledger.key-encryption-key";
    private static final String SEGMENTS_PROPERTY = "keyledger.query.segments";
    private static final String SOLE_WRITER_PROPERTY = "keyledger.command.sole-writer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(KEK_PROPERTY)) {
            Path dataDir = Path.of(environment.getProperty("keyledger.data-dir", "./data"));
            defaults.put(KEK_PROPERTY, loadOrGenerate(dataDir.resolve(KEY_FILE)));
        }
        if (environment.getProperty("spring.datasource.url", "").isEmpty()) {
            defaults.put(SEGMENTS_PROPERTY, "1");
            defaults.put(SOLE_WRITER_PROPERTY, "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource("keyledger-standalone", defaults));
    }

    private static String loadOrGenerate(Path keyFile) {
        try {
            Files.createDirectories(keyFile.getParent());
            DataDirectory.OwnerOnly.restrictDirectory(keyFile.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            try {
                // Restricted while still empty: the key is never in a file others could read, even for a moment.
                Files.writeString(keyFile, "", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                DataDirectory.OwnerOnly.restrictFile(keyFile);
                Files.writeString(keyFile, encoded);
                return encoded;
            } catch (FileAlreadyExistsException e) {
                SecretFiles.requireOwnerOnly(keyFile, "the key-encryption key");
                return Files.readString(keyFile).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + keyFile.toAbsolutePath(), e);
        }
    }
}
