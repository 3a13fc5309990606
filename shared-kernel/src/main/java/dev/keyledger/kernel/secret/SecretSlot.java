package dev.keyledger.kernel.secret;

/** The two places a client's secret can be in: rotation moves a secret from SECONDARY to PRIMARY. */
public enum SecretSlot {
    PRIMARY,
    SECONDARY
}
