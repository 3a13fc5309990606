package dev.keyledger.query.processing;

/**
 * The processing group of the client view, the role view and the client auth view. They share one group because
 * a client's effective permissions depend on roles, whose events live in other streams and so, possibly, in other
 * segments: one group lets {@link ViewLock} order every role change against every client change.
 */
public final class QueryViews {

    public static final String PROCESSING_GROUP = "query-views";

    private QueryViews() {
    }
}
