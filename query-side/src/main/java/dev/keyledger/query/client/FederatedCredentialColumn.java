package dev.keyledger.query.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.state.FederatedCredentialState;
import dev.keyledger.kernel.id.FederatedCredentialId;

import java.time.Instant;
import java.util.List;

/**
 * The {@code federated_credentials} column of {@code query_client} and {@code query_client_auth}: a client's trust
 * rules as a JSON array, which the token endpoint reads too (its {@code ClientAuthRepository}).
 */
public final class FederatedCredentialColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() { };

    private FederatedCredentialColumn() {
    }

    public static String write(List<FederatedCredentialState> credentials) {
        try {
            return JSON.writeValueAsString(credentials.stream().map(Row::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("federated credentials could not be written as JSON", e);
        }
    }

    static List<FederatedCredentialState> read(String json) {
        try {
            return JSON.readValue(json, ROWS).stream().map(Row::state).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("query_client.federated_credentials is not the JSON it should be", e);
        }
    }

    /** One rule; the instant as RFC 3339 text, at full precision. */
    record Row(String credentialId, String issuer, String subject, List<String> audiences, String createdAt) {

        static Row of(FederatedCredentialState state) {
            FederatedCredential rule = state.credential();
            return new Row(rule.credentialId().value(), rule.issuer(), rule.subject(), rule.audiences(),
                    state.createdAt().toString());
        }

        FederatedCredentialState state() {
            return new FederatedCredentialState(new FederatedCredential(new FederatedCredentialId(credentialId),
                    issuer, subject, audiences), Instant.parse(createdAt));
        }
    }
}
