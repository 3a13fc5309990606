package dev.keyledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The standalone service's data folder ({@code KEYLEDGER_DATA_DIR}): the embedded PostgreSQL, the generated
 * key-encryption key, the bootstrap file. Readable by its owner only. One process at a time may use it: a second
 * would otherwise take the first one's PostgreSQL for an orphan and stop it.
 */
final class DataDirectory {

    private static final String LOCK_FILE = "keyledger.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the folder if needed and takes its lock for the life of this process. */
    static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            OwnerOnly.restrictDirectory(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data folder " + root.toAbsolutePath()
                        + " is in use by another Keyledger process; stop it or set KEYLEDGER_DATA_DIR");
            }
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data folder " + root.toAbsolutePath(), e);
        }
    }

    /** {@code null} if another process, or this one, holds the lock already. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSIX owner-only permissions, where the file system has them. */
    static final class OwnerOnly {

        private OwnerOnly() {
        }

        static void restrictDirectory(Path directory) throws IOException {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        }

        static void restrictFile(Path file) throws IOException {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }
}
