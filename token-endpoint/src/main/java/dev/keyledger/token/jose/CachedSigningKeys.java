package dev.keyledger.token.jose;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link SigningKeys} from memory, refreshed from the key material table every 500 ms: one small query, and a
 * private key is decrypted only the first time its key is seen. Token issuance reads a volatile field and nothing else.
 * If the database is unreachable, the last snapshot keeps serving: keys change rarely, and a node that misses an
 * activation keeps signing with a key that stays valid for verification long after its retirement.
 */
@Component
class CachedSigningKeys implements SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(CachedSigningKeys.class);
    private static final String ACTIVE = "ACTIVE";

    private final KeyMaterialRepository repository;
    private final KeyMaterialDecoder decoder;
    private volatile KeySnapshot snapshot = KeySnapshot.EMPTY;
    private boolean failing;

    CachedSigningKeys(KeyMaterialRepository repository,
                      @Qualifier("tokenKeyEncryptionKey") SecretKey keyEncryptionKey) {
        this.repository = repository;
        this.decoder = new KeyMaterialDecoder(keyEncryptionKey);
    }

    @Override
    public SigningKey active() {
        SigningKey active = current().active();
        if (active == null) {
            throw new NoActiveSigningKey();
        }
        return active;
    }

    @Override
    public Optional<SigningKey> forVerification(String kid) {
        return current().find(kid);
    }

    @Override
    public List<SigningKey> published() {
        return current().published();
    }

    /**
     * The snapshot; read from the table right away while no key is active (before the first poll, or before the
     * command side made the first key) rather than answer "no keys" until the next poll.
     */
    private KeySnapshot current() {
        KeySnapshot current = snapshot;
        return current.active() != null ? current : refresh();
    }

    @Scheduled(fixedDelay = 500)
    void poll() {
        refresh();
    }

    /** Reads the live keys and swaps the snapshot; keeps the old one when the table cannot be read. */
    synchronized KeySnapshot refresh() {
        KeySnapshot previous = snapshot;
        try {
            List<StoredKey> rows = repository.live();
            List<String> activeKids = new ArrayList<>(1);
            List<SigningKey> published = new ArrayList<>(rows.size());
            SigningKey active = null;
            for (StoredKey row : rows) {
                SigningKey key = reuseOrDecode(previous, row);
                published.add(key);
                if (ACTIVE.equals(row.status())) {
                    active = key;
                    activeKids.add(row.kid());
                }
            }
            if (activeKids.size() > 1) {
                // The command side activates and retires in one transaction; this would mean a hand-edited table.
                LOG.warn("more than one signing key is marked active: {}; signing with {}", activeKids, active.kid());
            }
            snapshot = KeySnapshot.of(active, published);
            if (failing) {
                LOG.info("signing keys readable again");
                failing = false;
            }
        } catch (DataAccessException | IllegalStateException e) {
            if (!failing) {
                LOG.warn("cannot refresh signing keys, serving the last ones read: {}", e.getMessage());
                failing = true;
            }
        }
        return snapshot;
    }

    /** A key already decoded is kept; when it stops signing, its private key is dropped from memory. */
    private SigningKey reuseOrDecode(KeySnapshot previous, StoredKey row) {
        Optional<SigningKey> known = previous.find(row.kid());
        if (known.isEmpty()) {
            return decoder.decode(row);
        }
        SigningKey key = known.get();
        if (key.privateKey() != null && !row.signs()) {
            return new SigningKey(key.kid(), key.algorithm(), key.publicKey(), null);
        }
        return key;
    }
}
