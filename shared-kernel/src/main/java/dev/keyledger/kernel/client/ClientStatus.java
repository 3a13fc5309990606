package dev.keyledger.kernel.client;

/** Whether a client may obtain tokens: only ACTIVE clients may; DELETED is final. */
public enum ClientStatus {
    ACTIVE,
    DISABLED,
    DELETED
}
