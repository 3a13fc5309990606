package dev.keyledger.token.grant;

/** A request for a scope or audience the client may not have: {@code invalid_scope} or {@code invalid_target}. */
public record GrantRefused(String error, String description) implements GrantDecision {
}
