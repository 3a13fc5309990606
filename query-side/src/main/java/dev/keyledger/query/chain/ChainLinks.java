package dev.keyledger.query.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain's one rule: {@code link(n) = SHA-256(link(n-1) || canonical(event n))}, starting from 32 zero
 * bytes. The canonical form lists every stored column of the event (its global position too, so that moving an
 * event is a change), each field length-prefixed so that no two different events encode alike. Pure.
 */
public final class ChainLinks {

    /** The link before the first event. */
    static final byte[] GENESIS = new byte[32];

    private ChainLinks() {
    }

    static byte[] next(byte[] previous, StoredRow row) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonical(row));
        return sha256.digest();
    }

    static byte[] canonical(StoredRow row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + length(row.payload()) + length(row.metadata()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.globalIndex());
            field(out, row.eventId());
            field(out, row.aggregateId());
            out.writeLong(row.sequence());
            field(out, row.aggregateType());
            field(out, row.payloadType());
            field(out, row.payloadRevision());
            field(out, row.timestamp());
            field(out, row.payload());
            field(out, row.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length -1 for null, so that null and empty differ. */
    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
