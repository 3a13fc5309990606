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
import java.util.Map;

/**
 * Gives the standalone service what it needs from its data folder before anything starts: when no
 * {@code KEYLEDGER_KEY_ENCRYPTION_KEY} is configured, a 256-bit key generated once into
 * {@code ${KEYLEDGER_DATA_DIR}/key-encryption-key}, readable by its owner only, and used on every later start.
 */
public class StandaloneEnvironment implements EnvironmentPostProcessor {

    static final String KEY_FILE = "key-encryption-key";
    private static final String KEK_PROPERTY = "keyledger.key-encryption-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(KEK_PROPERTY)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("keyledger.data-dir", "./data"));
        String key = loadOrGenerate(dataDir.resolve(KEY_FILE));
        environment.getPropertySources().addLast(new MapPropertySource("keyledger-data-dir", Map.of(KEK_PROPERTY, key)));
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
