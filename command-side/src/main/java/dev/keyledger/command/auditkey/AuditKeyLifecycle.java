package dev.keyledger.command.auditkey;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.infrastructure.crypto.SealedBox;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.auditkey.command.ActivateAuditKey;
import dev.keyledger.kernel.auditkey.command.PublishAuditKey;
import dev.keyledger.kernel.auditkey.command.RetireAuditKey;
import dev.keyledger.kernel.random.RandomTokens;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * Publishes, activates and retires audit keys (Ed25519). Unlike a token-signing key, a new audit key signs at once:
 * nobody verifies a checkpoint from a cached key set before the checkpoint exists, and the key is published in the
 * very transaction that activates it, so no checkpoint can name a key that the key set lacks. A key's sealed
 * material is stored in the transaction that appends its publication; every change happens under the lifecycle
 * lock and re-reads the table under it, so any number of command-side nodes agree on exactly one active key.
 */
@Component
public class AuditKeyLifecycle {

    /** The JOSE name of the one algorithm audit keys use (RFC 8037). */
    static final SigningAlgorithm ALGORITHM = SigningAlgorithm.EdDSA;

    private static final Logger LOG = LoggerFactory.getLogger(AuditKeyLifecycle.class);

    private final CommandDispatcher dispatcher;
    private final AuditKeyMaterial material;
    private final TransactionTemplate transaction;
    private final SealedBox box;

    AuditKeyLifecycle(CommandDispatcher dispatcher, AuditKeyMaterial material, TransactionTemplate transaction,
                      @Qualifier("keyEncryptionKey") SecretKey keyEncryptionKey) {
        this.dispatcher = dispatcher;
        this.material = material;
        this.transaction = transaction;
        this.box = new SealedBox(keyEncryptionKey);
    }

    /** Makes sure an audit key signs: on the first start, one is published and activated. */
    public void ensureAuditKey(AuditContext audit) {
        transaction.executeWithoutResult(status -> {
            material.lockLifecycle();
            if (material.active().isEmpty()) {
                AuditKeyRecord first = publishAndActivate(List.of(), audit);
                LOG.info("no audit key existed: published and activated {}", first.kid());
            }
        });
    }

    /** Publishes a new key that signs from now on and retires the one it replaces, in one transaction. */
    public AuditKeyRecord rotate(AuditContext audit) {
        return transaction.execute(status -> {
            material.lockLifecycle();
            List<AuditKeyRecord> replaced = material.active();
            AuditKeyRecord next = publishAndActivate(replaced, audit);
            LOG.info("audit key {} is active; retired {}", next.kid(),
                    replaced.stream().map(AuditKeyRecord::kid).toList());
            return next;
        });
    }

    private AuditKeyRecord publishAndActivate(List<AuditKeyRecord> replaced, AuditContext audit) {
        String kid = RandomTokens.urlSafe(16);
        KeyPair pair = generate();
        byte[] publicKey = pair.getPublic().getEncoded();
        byte[] sealedPrivateKey = box.seal(pair.getPrivate().getEncoded(),
                AuditKeyStream.idOf(kid).getBytes(StandardCharsets.UTF_8));
        material.insert(kid, ALGORITHM.name(), publicKey, sealedPrivateKey);
        dispatcher.send(new PublishAuditKey(kid, ALGORITHM, Base64.getEncoder().encodeToString(publicKey)), audit);
        dispatcher.send(new ActivateAuditKey(kid), audit);
        for (AuditKeyRecord old : replaced) {
            dispatcher.send(new RetireAuditKey(old.kid()), audit);
        }
        return material.find(kid).orElseThrow();
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM.jcaKeyAlgorithm()).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate Ed25519 keys", e);
        }
    }
}
