package dev.keyledger.kernel.signingkey.event;

import org.axonframework.serialization.Revision;

/** The key signs every new token from the moment of this event. */
@Revision("1")
public record SigningKeyActivated(String kid) implements SigningKeyEvent {
}
