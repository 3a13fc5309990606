package dev.keyledger.kernel.audit;

/**
 * The metadata keys every command carries and every event inherits: who acted, on behalf of which request, and from
 * which address. {@code correlationId} is the request's id, not Axon's message-origin correlation.
 */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String SOURCE_ADDRESS = "sourceAddress";

    /** The actor of changes that no caller asked for directly, such as unassignments caused by a role's deletion. */
    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
