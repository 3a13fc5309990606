package dev.keyledger.token.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * Wires the token endpoint. It has no tables of its own yet: the key material it reads belongs to the command side.
 * Scheduling drives the refresh of the in-memory signing keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TokenEndpointConfiguration {

    /**
     * The key-encryption key ({@code KEYLEDGER_KEY_ENCRYPTION_KEY}), which opens the sealed private keys. Named apart
     * from the command side's bean so that both can live in the standalone JVM.
     */
    @Bean
    SecretKey tokenKeyEncryptionKey(@Value("${keyledger.key-encryption-key}") String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keyledger.key-encryption-key is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("keyledger.key-encryption-key must be 256 bits (32 bytes, base64)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
