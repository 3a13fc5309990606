package dev.keyledger.token.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.token.accesstoken.AccessTokenIssuer;
import dev.keyledger.token.accesstoken.AccessTokenVerifier;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.authentication.ClientAuthenticator;
import dev.keyledger.token.config.HotPathJson;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.issuance.IssuanceLog;
import dev.keyledger.token.metrics.TokenMetrics;
import dev.keyledger.token.throttle.FailureThrottle;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the OAuth endpoints at {@code /oauth2/*}. */
@Configuration(proxyBeanMethods = false)
class OAuthEndpoints {

    @Bean
    SigningTurns signingTurns() {
        return new SigningTurns();
    }

    @Bean
    ServletRegistrationBean<OAuthServlet> oauthServlet(ClientAuthenticator authenticator, FailureThrottle throttle,
                                                       AccessTokenIssuer issuer, AccessTokenVerifier verifier,
                                                       Revocations revocations, ClientAuthCache clients,
                                                       IssuanceLog log, TokenSettings settings, SigningTurns turns,
                                                       TokenMetrics metrics, ObjectMapper json) {
        OAuthResponses responses = new OAuthResponses(HotPathJson.from(json));
        CallerAuthentication callers = new CallerAuthentication(authenticator, throttle);
        OAuthServlet servlet = new OAuthServlet(
                new TokenEndpoint(authenticator, throttle, issuer, log, settings, turns, responses, metrics),
                new IntrospectionEndpoint(callers, verifier, revocations, clients, responses),
                new RevocationEndpoint(callers, verifier, revocations, responses),
                responses);
        ServletRegistrationBean<OAuthServlet> registration = new ServletRegistrationBean<>(servlet, "/oauth2/*");
        registration.setName("oauth2");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
