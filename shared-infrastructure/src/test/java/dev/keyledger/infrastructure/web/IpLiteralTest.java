package dev.keyledger.infrastructure.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Literals parse to the address they write; everything else is refused without ever asking DNS. */
class IpLiteralTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "203.0.113.7, 203.0.113.7",
            "::1, 0:0:0:0:0:0:0:1",
            "::, 0:0:0:0:0:0:0:0",
            "0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:1",
            "2001:DB8::8:800:200C:417A, 2001:db8:0:0:8:800:200c:417a",
            "fe80::, fe80:0:0:0:0:0:0:0",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "::ffff:192.0.2.1, 192.0.2.1",
            "64:ff9b::192.0.2.33, 64:ff9b:0:0:0:0:c000:221"})
    void whenTheTextIsALiteral_thenItIsThatAddress(String text, String expected) {
        assertThat(IpLiteral.parse(text)).map(InetAddress::getHostAddress).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.com", "127.1", "127.0.0", "127.0.0.1.1", "1.2.3.256",
            "01.2.3.4", "0x7f.0.0.1", "1.2.3.4 ", "1.2.3.-4", "1.2.3.4:8080", "[::1]", "::1%eth0", "fe80::1%1",
            "1:::2", "1::2::3", ":1", "1:", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::1.2.3.4.5",
            "1.2.3.4::", "g::1", "١٢٧.0.0.1", "１.2.3.4", "::ｆ", "unknown", "_hidden",
            "0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1"})
    void whenTheTextIsNoLiteral_thenItIsRefused(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
