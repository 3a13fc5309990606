package dev.keyledger.query.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file per checkpoint in {@code keyledger.audit.checkpoint-dir} ({@code KEYLEDGER_AUDIT_CHECKPOINT_DIR}), for a
 * sync to object storage with retention locks: {@code checkpoint-<position, 20 digits>.json}, the checkpoint's
 * canonical JSON and a newline. The folder is created owner-only; a file is written under a temporary name, forced
 * to disk, then linked to its final name, which fails if that name exists: a file is never overwritten, not even
 * by another node sharing the folder. A file that exists with other content than the database's checkpoint means
 * one of the two was altered: that is logged as an error and the file is kept; the later checkpoints are copied as
 * usual, so the folder shows where the database's chain of checkpoints left the published one.
 */
@Component
@ConditionalOnProperty("keyledger.audit.checkpoint-dir")
class CheckpointFolder implements CheckpointCopy {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFolder.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{20})\\.json");
    private static final int BATCH = 500;

    private final Path folder;
    /** The last position copied; read from the folder once, then kept here. */
    private long copiedUpTo = -1;

    CheckpointFolder(@Value("${keyledger.audit.checkpoint-dir}") String folder) {
        this.folder = Path.of(folder).toAbsolutePath();
        try {
            if (!Files.isDirectory(this.folder)) {
                Files.createDirectories(this.folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("keyledger.audit.checkpoint-dir: cannot create " + this.folder, e);
        }
    }

    static String fileName(long position) {
        return String.format("checkpoint-%020d.json", position);
    }

    @Override
    public synchronized void catchUp(CheckpointLedger ledger) {
        if (copiedUpTo < 0) {
            copiedUpTo = lastInFolder();
        }
        List<AuditCheckpoint> missing;
        do {
            missing = ledger.after(copiedUpTo, BATCH);
            for (AuditCheckpoint checkpoint : missing) {
                write(checkpoint);
                copiedUpTo = checkpoint.position();
            }
        } while (missing.size() == BATCH);
    }

    /** Writes the file unless it exists. */
    private void write(AuditCheckpoint checkpoint) {
        byte[] content = (new String(checkpoint.canonical(), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Path target = folder.resolve(fileName(checkpoint.position()));
        try {
            if (Files.exists(target)) {
                compare(target, content, checkpoint);
                return;
            }
            Path temporary = Files.createTempFile(folder, ".checkpoint-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
                Files.createLink(target, temporary);
                forceFolder();
            } catch (FileAlreadyExistsException e) {
                compare(target, content, checkpoint);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Another node's copy (or this node's, before a restart) is the same; any other content is evidence. */
    private static void compare(Path existing, byte[] content, AuditCheckpoint checkpoint) throws IOException {
        if (!Arrays.equals(Files.readAllBytes(existing), content)) {
            LOG.error("checkpoint file {} differs from the database's checkpoint at position {}: the checkpoint table"
                    + " or the file was altered; the file is kept as it is", existing, checkpoint.position());
        }
    }

    /** The new name is durable only once the folder's entry is on disk too. */
    private void forceFolder() throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private long lastInFolder() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> NAME.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(match -> Long.parseLong(match.group(1)))
                    .max()
                    .orElse(0L);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    @Override
    public String toString() {
        return "folder " + folder;
    }
}
