package dev.keyledger.token.grant;

import java.util.List;
import java.util.SortedSet;

/** What a token will allow: its scope (possibly empty) and its audiences (never empty). */
public record Grant(SortedSet<String> scope, List<String> audiences) implements GrantDecision {

    public String scopeString() {
        return scope.isEmpty() ? null : String.join(" ", scope);
    }
}
