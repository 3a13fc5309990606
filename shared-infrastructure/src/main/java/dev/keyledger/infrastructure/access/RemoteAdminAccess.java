package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.crypto.KeyEncryptionKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The {@link AdminAuthorizer} of a side running apart: the token endpoint nodes named in
 * {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS} decide, and their allowing answers must carry a valid signature.
 * Imported by the command and query services' main classes only; it carries no {@code @Configuration}, so that the
 * standalone's component scan, where the token endpoint decides in the same JVM, never finds it.
 */
public class RemoteAdminAccess {

    @Bean
    AdminAuthorizer remoteAdminAccess(@Value("${keyledger.admin-access.token-endpoints}") String tokenEndpoints,
                                      @Value("${keyledger.key-encryption-key}") String keyEncryptionKey,
                                      ObjectMapper json) {
        return RemoteAdminAuthorizer.forEndpoints(tokenEndpoints,
                CheckSignature.derivedFrom(KeyEncryptionKey.fromBase64(keyEncryptionKey)), json);
    }
}
