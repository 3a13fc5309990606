package dev.keyledger.token.grant;

/** What {@link GrantResolver} decides: a {@link Grant} or a {@link GrantRefused}. */
public sealed interface GrantDecision permits Grant, GrantRefused {
}
