package dev.keyledger.kernel.signingkey.event;

/** Every event of the signing-key aggregate names its key. */
public interface SigningKeyEvent {

    String kid();
}
