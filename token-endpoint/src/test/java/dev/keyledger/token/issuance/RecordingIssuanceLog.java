package dev.keyledger.token.issuance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The issuance log without PostgreSQL, for tests of its callers: it keeps what they record, in order. */
public final class RecordingIssuanceLog extends IssuanceLog {

    private final List<IssuanceRecord> records = new CopyOnWriteArrayList<>();

    public RecordingIssuanceLog() {
        super(null, null, null, 1);
    }

    @Override
    public void record(IssuanceRecord record) {
        records.add(record);
    }

    public List<IssuanceRecord> records() {
        return List.copyOf(records);
    }
}
