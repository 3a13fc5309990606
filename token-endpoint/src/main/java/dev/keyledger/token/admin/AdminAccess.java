package dev.keyledger.token.admin;

import dev.keyledger.infrastructure.access.CheckSignature;
import dev.keyledger.token.accesstoken.AccessTokenVerifier;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.accesstoken.VerifiedTokenCache;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.jose.SigningKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.crypto.SecretKey;
import java.time.Clock;

/**
 * The token endpoint decides admin access in its JVM ({@link AdminAccessPolicy} is the {@code AdminAuthorizer} of
 * the standalone service) and answers the other sides' signed check.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess {

    @Bean
    AdminAccessPolicy adminAccessPolicy(AccessTokenVerifier verifier, SigningKeys signingKeys,
                                        Revocations revocations, ClientAuthCache clients, TokenSettings settings) {
        return new AdminAccessPolicy(new VerifiedTokenCache(verifier, signingKeys, Clock.systemUTC()), revocations,
                clients, settings);
    }

    @Bean
    CheckSignature adminAccessCheckSignature(@Qualifier("tokenKeyEncryptionKey") SecretKey keyEncryptionKey) {
        return CheckSignature.derivedFrom(keyEncryptionKey);
    }
}
