package dev.keyledger.token.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormBodyTest {

    @Test
    void whenAFormIsWellFormed_thenEveryValueIsDecodedInOrder() {
        Map<String, List<String>> form = parse("grant_type=client_credentials&scope=a%3Aread+b%3Awrite"
                + "&resource=https%3A%2F%2Fa.example&resource=https%3A%2F%2Fb.example&empty=&bare");
        assertThat(form.get("scope")).containsExactly("a:read b:write");
        assertThat(form.get("resource")).containsExactly("https://a.example", "https://b.example");
        assertThat(form.get("empty")).containsExactly("");
        assertThat(form.get("bare")).containsExactly("");
    }

    @Test
    void whenUtf8IsPercentEncoded_thenItIsDecoded() {
        assertThat(parse("name=caf%C3%A9").get("name")).containsExactly("café");
    }

    @Test
    void whenAnEscapeIsMalformedOrTheBytesAreNotUtf8_thenTheFormIsRefused() {
        assertThatThrownBy(() -> parse("a=%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("a=%4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("a=%C3%28")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormBody.parse(new byte[]{'a', '=', (byte) 0xFF}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheBodyIsEmptyOrOnlySeparators_thenThereAreNoParameters() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("&&&")).isEmpty();
    }

    private static Map<String, List<String>> parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
