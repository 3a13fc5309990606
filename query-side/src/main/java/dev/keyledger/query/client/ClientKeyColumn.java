package dev.keyledger.query.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.client.state.ClientKeyState;
import dev.keyledger.kernel.id.ClientKeyId;

import java.time.Instant;
import java.util.List;

/**
 * The {@code keys} column of {@code query_client} and {@code query_client_auth}: a client's public keys as a JSON
 * array, which the token endpoint reads too (its {@code ClientAuthRepository}). Its own records, not the
 * kernel's, so that the column's shape is written down here and does not change with a kernel record.
 */
public final class ClientKeyColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() { };

    private ClientKeyColumn() {
    }

    public static String write(List<ClientKeyState> keys) {
        try {
            return JSON.writeValueAsString(keys.stream().map(Row::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("client keys could not be written as JSON", e);
        }
    }

    static List<ClientKeyState> read(String json) {
        try {
            return JSON.readValue(json, ROWS).stream().map(Row::state).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the keys column of query_client is not the JSON it should be", e);
        }
    }

    /** One key; instants as RFC 3339 text, at full precision. */
    record Row(String keyId, String kid, String kty, String alg, String publicJwk, String expiresAt,
               String createdAt) {

        static Row of(ClientKeyState state) {
            ClientKey key = state.key();
            return new Row(key.keyId().value(), key.kid(), key.kty(), key.alg(), key.publicJwk(),
                    key.expiresAt() == null ? null : key.expiresAt().toString(), state.createdAt().toString());
        }

        ClientKeyState state() {
            return new ClientKeyState(new ClientKey(new ClientKeyId(keyId), kid, kty, alg, publicJwk,
                    expiresAt == null ? null : Instant.parse(expiresAt)), Instant.parse(createdAt));
        }
    }
}
