package dev.keyledger.kernel.client;

import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client's settings refuse what the admin API refuses, with the message the API names the field with (API.md §2),
 * so that a command cannot carry a value the API would have answered 400 to.
 */
class ClientSettingsTest {

    @Test
    void aNameIsOneToTwoHundredCharactersOnOneLineAndNotBlank() {
        assertThat(new ClientName("a").value()).isEqualTo("a");
        assertThat(new ClientName("x".repeat(200)).value()).hasSize(200);

        assertRefused(() -> new ClientName("x".repeat(201)), "must be at most 200 characters");
        assertRefused(() -> new ClientName(""), "must not be blank");
        assertRefused(() -> new ClientName(" \n\t"), "must not be blank");
        assertRefused(() -> new ClientName("two\nlines"), "must not contain control characters");
        // A vertical tab is white space too, but the control-character rule has always been checked first.
        assertRefused(() -> new ClientName("\u000B"), "must not contain control characters");
    }

    @Test
    void aDescriptionIsUpToTwoThousandCharactersAndMayHoldLineBreaks() {
        assertThat(ClientDescription.NONE.value()).isEmpty();
        assertThat(new ClientDescription("line one\r\n\tline two").value()).contains("\t");
        assertThat(new ClientDescription("x".repeat(2000)).value()).hasSize(2000);

        assertRefused(() -> new ClientDescription("x".repeat(2001)), "must be at most 2000 characters");
        assertRefused(() -> new ClientDescription("bell\u0007"), "must not contain control characters");
    }

    @Test
    void aTokenLifetimeIsOneMinuteToOneDayAndAnHourByDefault() {
        assertThat(TokenLifetime.DEFAULT.seconds()).isEqualTo(3600);
        assertThat(TokenLifetime.ofSeconds(60).seconds()).isEqualTo(60);
        assertThat(TokenLifetime.ofSeconds(86_400).seconds()).isEqualTo(86_400);

        assertRefused(() -> new TokenLifetime(59), "must be between 60 and 86400");
        assertRefused(() -> TokenLifetime.ofSeconds(86_401), "must be between 60 and 86400");
        // Beyond an int: refused, not wrapped around into the range.
        assertRefused(() -> TokenLifetime.ofSeconds(4_294_967_356L), "must be between 60 and 86400");
    }

    @Test
    void anAudienceIsAnAbsoluteUriWithoutAFragment() {
        assertThat(Audience.parse("https://api.example.com/v1").uri()).isEqualTo(URI.create("https://api.example.com/v1"));
        assertThat(Audience.parse("urn:example:ledger").toString()).isEqualTo("urn:example:ledger");

        assertRefused(() -> Audience.parse("/relative"), "must be an absolute URI of at most 2048 characters");
        assertRefused(() -> Audience.parse("https://a.example/" + "x".repeat(2048)),
                "must be an absolute URI of at most 2048 characters");
        assertRefused(() -> Audience.parse("https://api.example.com#part"),
                "must be an absolute URI without a fragment (#...)");
        assertRefused(() -> Audience.parse("https://exa mple.com"), "must be an absolute URI");
    }

    @Test
    void aRegistrationCannotBeBuiltWithoutANameOrALifetime() {
        HashedSecret secret = new HashedSecret(SecretId.generate(), SecretHash.digest("kls_x"), "ls_x", null);

        assertThatThrownBy(() -> new RegisterClient(ClientId.generate(), null, null, Set.of(), TokenLifetime.DEFAULT,
                List.of(), secret)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RegisterClient(ClientId.generate(), new ClientName("n"), null, Set.of(), null,
                List.of(), secret)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefused(Runnable construction, String message) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
