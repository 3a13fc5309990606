package dev.keyledger.command.signingkey;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.infrastructure.crypto.SealedBox;
import dev.keyledger.kernel.random.RandomTokens;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.kernel.signingkey.command.ActivateSigningKey;
import dev.keyledger.kernel.signingkey.command.PublishSigningKey;
import dev.keyledger.kernel.signingkey.command.RetireSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Publishes, activates and retires signing keys. A key's sealed material is stored in the transaction that appends
 * its publication, so neither exists without the other. Every change to which key is active happens under the
 * lifecycle lock and re-reads the table under it, so any number of command-side nodes can run this at once: exactly
 * one key becomes active, once.
 */
@Component
public class SigningKeyLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyLifecycle.class);

    private final CommandDispatcher dispatcher;
    private final SigningKeyMaterial material;
    private final TransactionTemplate transaction;
    private final SealedBox box;
    private final SigningKeySettings settings;

    SigningKeyLifecycle(CommandDispatcher dispatcher, SigningKeyMaterial material, TransactionTemplate transaction,
                        @Qualifier("keyEncryptionKey") SecretKey keyEncryptionKey, SigningKeySettings settings) {
        this.dispatcher = dispatcher;
        this.material = material;
        this.transaction = transaction;
        this.box = new SealedBox(keyEncryptionKey);
        this.settings = settings;
    }

    /**
     * Publishes a new key of the configured algorithm, to sign once it has been published for the delay. Refused while
     * another new key still waits to activate: a second one would retire the first right after it began to sign,
     * before resource servers that cache the JWKS had seen the second (and let rotations pile up unseen).
     */
    public KeyRecord rotate(AuditContext audit) {
        return transaction.execute(status -> {
            material.lockLifecycle();
            List<KeyRecord> pending = material.inStatus(SigningKeyStatus.PUBLISHED);
            if (!pending.isEmpty()) {
                KeyRecord waiting = pending.get(0);
                throw new Conflict("rotation-pending", "signing key " + waiting.kid() + " is published and activates at "
                        + waiting.activatesAt() + "; rotate again once it signs",
                        Map.of("kid", waiting.kid(), "activatesAt", waiting.activatesAt().toString()));
            }
            return publish(settings.algorithm(), now().plus(settings.activationDelay()), audit);
        });
    }

    /**
     * Makes sure a key signs: on the very first start, one key is published and activated at once (no token, hence no
     * verifier, can exist yet); when the configured algorithm differs from the active key's, a key of that algorithm
     * is published to replace it after the activation delay, like a rotation.
     */
    public void ensureSigningKey(AuditContext audit) {
        transaction.executeWithoutResult(status -> {
            material.lockLifecycle();
            Optional<KeyRecord> active = material.active();
            List<KeyRecord> pending = material.inStatus(SigningKeyStatus.PUBLISHED);
            if (active.isEmpty() && pending.isEmpty()) {
                KeyRecord first = publish(settings.algorithm(), now(), audit);
                dispatcher.send(new ActivateSigningKey(first.kid(), now()), audit);
                LOG.info("no signing key existed: published and activated {} key {}", first.algorithm(), first.kid());
                return;
            }
            boolean replacementPending = pending.stream().anyMatch(key -> key.algorithm() == settings.algorithm());
            if (active.isPresent() && active.get().algorithm() != settings.algorithm() && !replacementPending) {
                KeyRecord next = publish(settings.algorithm(), now().plus(settings.activationDelay()), audit);
                LOG.info("configured algorithm {} differs from active key {} ({}): published {} to activate at {}",
                        settings.algorithm(), active.get().kid(), active.get().algorithm(), next.kid(),
                        next.activatesAt());
            }
        });
    }

    /**
     * Activates every published key whose moment has come, the earliest first, each retiring the key it replaces.
     * Returns how many were activated; the common case, nothing due, costs one indexed query and no lock.
     */
    public int activateDue(AuditContext audit) {
        if (material.dueForActivation(now()).isEmpty()) {
            return 0;
        }
        Integer activated = transaction.execute(status -> {
            material.lockLifecycle();
            List<KeyRecord> due = material.dueForActivation(now());
            due.forEach(key -> activate(key.kid(), audit));
            return due.size();
        });
        return activated == null ? 0 : activated;
    }

    private void activate(String kid, AuditContext audit) {
        List<KeyRecord> replaced = material.inStatus(SigningKeyStatus.ACTIVE);
        Instant now = now();
        dispatcher.send(new ActivateSigningKey(kid, now), audit);
        for (KeyRecord old : replaced) {
            dispatcher.send(new RetireSigningKey(old.kid(), now.plus(SigningKeySettings.VERIFICATION_OVERLAP)), audit);
        }
        LOG.info("signing key {} is active{}", kid,
                replaced.isEmpty() ? "" : "; retired " + replaced.stream().map(KeyRecord::kid).toList());
    }

    private KeyRecord publish(SigningAlgorithm algorithm, Instant activatesAt, AuditContext audit) {
        String kid = RandomTokens.urlSafe(16);
        KeyPair pair = KeyPairs.generate(algorithm);
        byte[] publicKey = pair.getPublic().getEncoded();
        byte[] sealedPrivateKey = box.seal(pair.getPrivate().getEncoded(),
                SigningKeyStream.idOf(kid).getBytes(StandardCharsets.UTF_8));
        material.insert(kid, algorithm, publicKey, sealedPrivateKey, activatesAt);
        dispatcher.send(new PublishSigningKey(kid, algorithm, Base64.getEncoder().encodeToString(publicKey),
                activatesAt), audit);
        return material.find(kid).orElseThrow();
    }

    /** Milliseconds, as the event store keeps them, so a key's announced moment reads back exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
