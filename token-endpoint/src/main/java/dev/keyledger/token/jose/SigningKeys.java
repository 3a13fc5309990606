package dev.keyledger.token.jose;

import java.util.List;
import java.util.Optional;

/**
 * The keys the token endpoint signs and verifies with. Every method answers from memory: the view is refreshed in
 * the background and picks up an activation on the command side within about a second.
 */
public interface SigningKeys {

    /** The key that signs new tokens now. Throws {@link NoActiveSigningKey} before the first key exists. */
    SigningKey active();

    /** The published key with this kid, if it may still verify a live token. */
    Optional<SigningKey> forVerification(String kid);

    /** Every key that may still verify a live token: published, active, and retired ones until their last token expired. */
    List<SigningKey> published();
}
