package dev.keyledger.cli.http;

import java.net.URI;

/**
 * A path under the service's base URL. Appended rather than resolved, so that a base behind a proxy's path prefix
 * ({@code https://host/keyledger}) keeps its prefix.
 */
final class ServiceUrl {

    private ServiceUrl() {
    }

    static URI at(URI base, String path) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path);
    }
}
