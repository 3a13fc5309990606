package dev.keyledger.cli.config;

import dev.keyledger.cli.CliEnvironment;

import java.nio.file.Path;

/**
 * The folder holding the profiles: {@code KEYLEDGER_CONFIG_DIR} if set, else {@code $XDG_CONFIG_HOME/keyledger}, else
 * {@code ~/.config/keyledger} (the XDG Base Directory default).
 */
public final class ConfigDirectory {

    private ConfigDirectory() {
    }

    public static Path of(CliEnvironment environment) {
        return environment.variable("KEYLEDGER_CONFIG_DIR").map(Path::of)
                .or(() -> environment.variable("XDG_CONFIG_HOME").map(xdg -> Path.of(xdg, "keyledger")))
                .orElseGet(() -> environment.home().resolve(".config").resolve("keyledger"));
    }
}
