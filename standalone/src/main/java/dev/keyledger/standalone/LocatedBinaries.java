package dev.keyledger.standalone;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Zonky's own PostgreSQL archive, remembering where zonky unpacks it: {@code PG-<MD5 of the archive>} under the
 * working directory it is given. Keyledger needs one binary itself ({@code postgres --single}, to set the password
 * of a data folder made by an earlier version). A new instance per start: zonky remembers the folder it unpacked to
 * per resolver for the life of the JVM, whichever data folder asked.
 */
final class LocatedBinaries implements PgBinaryResolver {

    private final Path workingDirectory;
    private volatile String archiveDigest;

    LocatedBinaries(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        return new DigestInputStream(archive, md5()) {
            @Override
            public void close() throws IOException {
                super.close();
                // Zonky closes it twice; a second digest would be of nothing.
                if (archiveDigest == null) {
                    archiveDigest = HexFormat.of().formatHex(getMessageDigest().digest());
                }
            }
        };
    }

    /** A program of the unpacked archive, once zonky has read the archive (as it has when its customizer runs). */
    Path program(String name) {
        if (archiveDigest == null) {
            throw new IllegalStateException("the PostgreSQL archive has not been read yet");
        }
        return workingDirectory.resolve("PG-" + archiveDigest).resolve("bin").resolve(name);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
