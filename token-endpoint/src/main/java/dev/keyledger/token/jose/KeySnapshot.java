package dev.keyledger.token.jose;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The keys as of one refresh: immutable, swapped in whole, so readers never see half an update. */
record KeySnapshot(SigningKey active, List<SigningKey> published, Map<String, SigningKey> byKid) {

    static final KeySnapshot EMPTY = new KeySnapshot(null, List.of(), Map.of());

    static KeySnapshot of(SigningKey active, List<SigningKey> published) {
        return new KeySnapshot(active, List.copyOf(published),
                published.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity())));
    }

    /** The key with this kid; none for a null kid (an immutable map would throw on it). */
    Optional<SigningKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }
}
