package dev.keyledger.infrastructure.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The settings every Keyledger service starts with ({@code keyledger-defaults.properties}), for
 * {@code SpringApplication#setDefaultProperties}: one list for the standalone jar and the three separate services,
 * below everything a user configures.
 */
public final class KeyledgerDefaults {

    private static final String RESOURCE = "/keyledger-defaults.properties";

    private KeyledgerDefaults() {
    }

    /** The defaults, with {@code spring.application.name} set to the given service name. */
    public static Properties forService(String applicationName) {
        Properties defaults = new Properties();
        try (InputStream in = KeyledgerDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the shared infrastructure");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defaults.setProperty("spring.application.name", applicationName);
        return defaults;
    }
}
