package dev.keyledger.token.web;

import dev.keyledger.token.authentication.ClientCredentials;

import java.util.List;
import java.util.Map;

/**
 * A well-formed request to an OAuth endpoint: the client's credentials ({@code null} when it sent none) and the
 * form parameters, empty values already removed.
 */
record ClientRequest(ClientCredentials credentials, Map<String, List<String>> parameters) {

    /** The value of a parameter that {@link ClientRequestReader} has checked is not repeated. */
    String single(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.get(0);
    }

    List<String> all(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    boolean usesBasic() {
        return credentials != null && credentials.method() == ClientCredentials.Method.CLIENT_SECRET_BASIC;
    }
}
