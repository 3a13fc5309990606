package dev.keyledger.token.jose;

import java.util.List;
import java.util.Optional;

/** The signing keys, in memory. */
public interface SigningKeys {

    SigningKey active();

    Optional<SigningKey> forVerification(String kid);

    List<SigningKey> published();
}
