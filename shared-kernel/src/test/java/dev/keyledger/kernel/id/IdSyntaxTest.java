package dev.keyledger.kernel.id;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The character rules agree with the regular expressions they replace (docs/DECISIONS.md 118), on any text. */
class IdSyntaxTest {

    /** Every character class boundary, and some that are near none. */
    private static final String ALPHABET = "AZaz09_-.~/@:`[{ ^\"\\éЖ\u0000\u007f";

    @Test
    void whenRandomTextIsChecked_thenEachRuleSaysWhatItsRegularExpressionSays() {
        Pattern base64Url = Pattern.compile("[A-Za-z0-9_-]{1,64}");
        Pattern hash = Pattern.compile("[A-Za-z0-9_-]{43}");
        Pattern unreserved = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
        Pattern lowerName = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
        Random random = new Random(211);
        for (int i = 0; i < 200_000; i++) {
            String text = text(random);
            assertThat(IdSyntax.base64Url(text, 1, 64)).as(text).isEqualTo(base64Url.matcher(text).matches());
            assertThat(IdSyntax.base64Url(text, 43, 43)).as(text).isEqualTo(hash.matcher(text).matches());
            assertThat(IdSyntax.unreserved(text, 1, 128)).as(text).isEqualTo(unreserved.matcher(text).matches());
            assertThat(IdSyntax.lowerName(text, 64)).as(text).isEqualTo(lowerName.matcher(text).matches());
        }
    }

    /** Mostly valid characters, at lengths around every bound. */
    private static String text(Random random) {
        int length = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(3);
            case 1 -> 42 + random.nextInt(3);
            case 2 -> 63 + random.nextInt(3);
            case 3 -> 127 + random.nextInt(3);
            default -> random.nextInt(140);
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(40) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : ALPHABET.charAt(random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            for (int i = 0; i < length; i++) {
                text.setCharAt(i, Character.toLowerCase(text.charAt(i)));
            }
        }
        return text.toString();
    }
}
