package dev.keyledger.cli.output;

/** {@code --output}: tables for people, the API's answers unchanged for scripts. */
public enum OutputFormat {
    TABLE, JSON, YAML
}
