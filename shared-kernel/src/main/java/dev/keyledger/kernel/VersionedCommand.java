package dev.keyledger.kernel;

/**
 * A command on an existing aggregate that the caller may make conditional on the version it last saw
 * ({@code If-Match}); {@code null} applies it to whatever the current version is.
 */
public interface VersionedCommand {

    Long expectedVersion();
}
