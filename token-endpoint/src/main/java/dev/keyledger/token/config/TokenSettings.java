package dev.keyledger.token.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The issuer URL ({@code KEYLEDGER_ISSUER}) and the default audience ({@code KEYLEDGER_TOKEN_DEFAULT_AUDIENCE}).
 * Unset, the issuer is {@code http://localhost:<the port the server actually listens on>} and the default audience
 * is the issuer.
 */
@Component
public class TokenSettings implements ApplicationListener<WebServerInitializedEvent> {

    private final String configuredIssuer;
    private final String configuredDefaultAudience;
    private volatile String issuer;

    TokenSettings(@Value("${keyledger.issuer:}") String issuer,
                  @Value("${keyledger.token.default-audience:}") String defaultAudience) {
        this.configuredIssuer = stripTrailingSlash(issuer);
        this.configuredDefaultAudience = defaultAudience;
        this.issuer = configuredIssuer;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server announces itself too (namespace "management"): only the public one is the issuer.
        if (configuredIssuer.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
            issuer = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    public String issuer() {
        return issuer;
    }

    public String defaultAudience() {
        return configuredDefaultAudience.isEmpty() ? issuer : configuredDefaultAudience;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
