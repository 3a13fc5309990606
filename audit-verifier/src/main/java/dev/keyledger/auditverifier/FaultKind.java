package dev.keyledger.auditverifier;

/** What can be wrong with evidence, each under the name both verifiers print (docs/AUDIT-EVIDENCE.md). */
public enum FaultKind {
    EDITED_EVENT("edited-event"),
    DELETED_EVENT("deleted-event"),
    REORDERED_OR_INSERTED_EVENT("reordered-or-inserted-event"),
    TRUNCATED_EXPORT("truncated-export"),
    CHECKPOINT_SIGNATURE_INVALID("checkpoint-signature-invalid"),
    CHECKPOINT_CHAIN_GAP("checkpoint-chain-gap"),
    HISTORY_REWRITTEN_AFTER_CHECKPOINT("history-rewritten-after-checkpoint"),
    CHAIN_START_MISMATCH("chain-start-mismatch"),
    MALFORMED_EVIDENCE("malformed-evidence");

    private final String wireName;

    FaultKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
