package dev.keyledger.token.grant;

import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.token.authentication.ClientAuthEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves what a token grants (API.md §1): the client's effective permissions, or exactly the requested subset of
 * them; the requested audiences (RFC 8707 resources), each one of the client's allowed audiences or the issuer (the
 * admin API's audience, always allowed), or the default.
 */
public final class GrantResolver {

    private GrantResolver() {
    }

    /**
     * @param requestedScope     the {@code scope} parameter, {@code null} when absent
     * @param requestedAudiences the {@code resource} and {@code audience} values, empty when absent
     * @param issuer             our issuer URL, an audience every client may request
     * @param defaultAudience    {@code aud} when none is requested
     * @return the grant, or the refusal
     */
    public static GrantDecision resolve(ClientAuthEntry client, String requestedScope, List<String> requestedAudiences,
                                        String issuer, String defaultAudience) {
        SortedSet<String> scope = new TreeSet<>(client.permissions());
        if (requestedScope != null) {
            SortedSet<String> requested = new TreeSet<>();
            for (String token : requestedScope.split(" ", -1)) {
                if (!Permission.isValid(token)) {
                    return new GrantRefused("invalid_scope", "the scope is not a space-delimited list of scope tokens");
                }
                requested.add(token);
            }
            if (!scope.containsAll(requested)) {
                return new GrantRefused("invalid_scope", "the requested scope exceeds what the client may be granted");
            }
            scope = requested;
        }
        if (requestedAudiences.isEmpty()) {
            return new Grant(scope, List.of(defaultAudience));
        }
        Set<String> audiences = new LinkedHashSet<>();
        for (String audience : requestedAudiences) {
            boolean allowed = audience.equals(issuer) || client.allowedAudiences().contains(audience);
            if (!isAbsoluteWithoutFragment(audience) || !allowed) {
                return new GrantRefused("invalid_target", "the requested resource is not one the client may address");
            }
            audiences.add(audience);
        }
        return new Grant(scope, new ArrayList<>(audiences));
    }

    private static boolean isAbsoluteWithoutFragment(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
