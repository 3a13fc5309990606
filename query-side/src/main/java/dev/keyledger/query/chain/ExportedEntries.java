package dev.keyledger.query.chain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.audit.AuditEntryJson;
import dev.keyledger.query.audit.StoredAuditEntries;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A stored row as the audit export shows it: mapped to an {@link AuditEntry} and written exactly as the export writes
 * it, then read back as plain JSON values, so that what is hashed is exactly what an auditor receives.
 */
@Component
class ExportedEntries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final StoredAuditEntries stored;
    private final ObjectMapper json;
    private final AuditEntryJson entryJson;

    ExportedEntries(StoredAuditEntries stored, ObjectMapper json) {
        this.stored = stored;
        this.json = json;
        this.entryJson = new AuditEntryJson(json);
    }

    /** The exported entry; throws {@link UnreadableEvent} for a row that does not deserialize. */
    Map<String, Object> of(StoredRow row) {
        try {
            AuditEntry audit = stored.of(row.event());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try (JsonGenerator out = json.createGenerator(bytes)) {
                entryJson.write(audit, out);
            }
            return json.readValue(bytes.toByteArray(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new UnreadableEvent(row.globalIndex(), e);
        }
    }
}
