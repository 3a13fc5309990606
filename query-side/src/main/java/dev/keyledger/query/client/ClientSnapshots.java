package dev.keyledger.query.client;

import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.query.processing.SqlValues;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots of long client streams for {@code ?asOf=} ({@code query_client_snapshot}, docs/DECISIONS.md 123): a
 * stream of ten thousand events is otherwise read and folded whole on every such read. They are a function of the
 * events alone, so they never go stale and a replay of the views leaves them; {@link #FOLD} names the fold that
 * made them, and a snapshot that no longer reads as a {@link ClientState} is passed over.
 */
@Component
public class ClientSnapshots {

    /** Raise it when ClientFold or ClientState change meaning: snapshots made by the old fold are then ignored. */
    static final int FOLD = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ClientSnapshots.class);

    private final JdbcClient jdbc;
    private final Configuration axon;
    private final int every;

    ClientSnapshots(JdbcClient jdbc, Configuration axon,
                    @Value("${keyledger.query.as-of-snapshot-every:1000}") int every) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.every = every;
    }

    /** Whether the state after the event with this sequence number is one to keep. */
    boolean due(long sequence) {
        return (sequence + 1) % every == 0;
    }

    /**
     * The latest snapshot whose events all happened at or before {@code instant}. Time stamps are stored to the
     * millisecond: compared at that precision, no rounding of a finer instant can take in a later event.
     */
    Optional<ClientSnapshot> latestAt(String clientId, Instant instant) {
        return jdbc.sql("""
                        SELECT sequence, through, state FROM query_client_snapshot
                        WHERE client_id = ? AND fold = ? AND through <= ? ORDER BY sequence DESC LIMIT 1""")
                .params(clientId, FOLD, SqlValues.timestamp(instant.truncatedTo(ChronoUnit.MILLIS)))
                .query((row, n) -> read(row.getLong("sequence"), row.getTimestamp("through").toInstant(),
                        row.getBytes("state")))
                .optional()
                .flatMap(snapshot -> snapshot);
    }

    void save(String clientId, List<ClientSnapshot> snapshots) {
        for (ClientSnapshot snapshot : snapshots) {
            jdbc.sql("""
                            INSERT INTO query_client_snapshot (client_id, sequence, through, fold, state)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(clientId, snapshot.sequence(), SqlValues.timestamp(snapshot.through()), FOLD,
                            serializer().serialize(snapshot.state(), byte[].class).getData())
                    .update();
        }
    }

    private Optional<ClientSnapshot> read(long sequence, Instant through, byte[] state) {
        try {
            ClientState client = serializer().deserialize(
                    new SimpleSerializedObject<>(state, byte[].class, ClientState.class.getName(), null));
            return Optional.of(new ClientSnapshot(sequence, through, client));
        } catch (SerializationException e) {
            LOG.warn("a client snapshot no longer reads as a client state, folding its stream instead: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Serializer serializer() {
        return axon.eventSerializer();
    }
}
