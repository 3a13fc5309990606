package dev.keyledger.infrastructure.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold a secret (the generated key-encryption key, the bootstrap admin's credentials, the embedded
 * database's password): Keyledger writes them owner-only and refuses to start on one that others can read or write,
 * since whoever could read it may already have the secret, and whoever could write it could swap it. Fixing the
 * mode is left to the operator, who has to ask that question too.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OTHERS_THAN_THE_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /**
     * Nothing if the file is missing, owner-only, or on a file system without POSIX permissions.
     *
     * @param holds what the file holds, for the message
     * @throws IllegalStateException naming the file, its mode and the chmod to run
     */
    public static void requireOwnerOnly(Path file, String holds) {
        try {
            if (!Files.exists(file) || !Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS_THAN_THE_OWNER::contains)) {
                Path absolute = file.toAbsolutePath();
                throw new IllegalStateException(absolute + " holds " + holds + " and can be read or written by others"
                        + " than its owner (" + PosixFilePermissions.toString(permissions) + "); Keyledger does not"
                        + " start with it. Restrict it (chmod 600 '" + absolute + "') and consider the secret in it"
                        + " exposed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file.toAbsolutePath(), e);
        }
    }
}
