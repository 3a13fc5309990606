package dev.keyledger.token.authentication;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each equal value among many rows: a million clients hold a few dozen distinct role lists,
 * permission sets and audience sets, and each would otherwise be a copy of its own, about half of a client's memory
 * in the cache (docs/DECISIONS.md 230). Values must be immutable. The table is forgotten when it reaches its bound,
 * so that values no client holds any more (permissions changed, roles renamed) do not pile up; values handed out
 * before stay valid, they are only no longer shared with later ones.
 */
final class SharedValues {

    static final int BOUND = 10_000;

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /** The instance equal to {@code value} handed out before, or {@code value} itself. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (values.size() >= BOUND) {
            values.clear();
        }
        Object earlier = values.putIfAbsent(value, value);
        return earlier == null ? value : (T) earlier;
    }
}
