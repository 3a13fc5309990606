package dev.keyledger.cli.config;

import java.net.URI;

/** Where and as whom the CLI signs in. {@link #toString()} leaves the secret out, so no message can show it. */
public record Profile(String name, URI url, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "Profile[" + name + ", " + url + ", " + clientId + "]";
    }
}
