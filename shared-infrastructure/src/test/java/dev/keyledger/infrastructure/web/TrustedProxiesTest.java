package dev.keyledger.infrastructure.web;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose X-Forwarded-For is believed, and which address a request then comes from. */
class TrustedProxiesTest {

    private static final String FORGED = "203.0.113.66";

    @Nested
    class WhenThePeerIsNotTrusted {

        @Test
        void whenNoProxyIsConfigured_thenThePeerIsTheClientWhateverTheHeaderSays() {
            assertThat(TrustedProxies.parse("").clientAddress("127.0.0.1", List.of(FORGED))).isEqualTo("127.0.0.1");
            assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
        }

        @Test
        void whenThePeerIsOutsideTheTrustedRanges_thenThePeerIsTheClient() {
            TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, fd00::/8");

            assertThat(proxies.clientAddress("192.168.1.5", List.of(FORGED))).isEqualTo("192.168.1.5");
            assertThat(proxies.clientAddress("11.0.0.1", List.of(FORGED))).isEqualTo("11.0.0.1");
            assertThat(proxies.clientAddress("fe00:0:0:0:0:0:0:1", List.of(FORGED))).isEqualTo("fe00:0:0:0:0:0:0:1");
        }
    }

    @Nested
    class WhenThePeerIsTrusted {

        @Test
        void whenItForwardsOneAddress_thenThatAddressIsTheClient() {
            TrustedProxies proxies = TrustedProxies.parse("127.0.0.2");

            assertThat(proxies.clientAddress("127.0.0.2", List.of("198.51.100.4"))).isEqualTo("198.51.100.4");
            assertThat(proxies.clientAddress("127.0.0.2", List.of(" 198.51.100.4 "))).isEqualTo("198.51.100.4");
        }

        @Test
        void whenItSendsNoHeader_thenThePeerIsTheClient() {
            assertThat(TrustedProxies.parse("127.0.0.2").clientAddress("127.0.0.2", List.of())).isEqualTo("127.0.0.2");
            assertThat(TrustedProxies.parse("127.0.0.2").clientAddress("127.0.0.2", List.of(""))).isEqualTo("127.0.0.2");
        }

        @Test
        void whenTheRangeIsIpv4Cidr_thenItsEdgesCount() {
            TrustedProxies proxies = TrustedProxies.parse("10.1.2.0/23");

            assertThat(proxies.clientAddress("10.1.2.0", List.of(FORGED))).isEqualTo(FORGED);
            assertThat(proxies.clientAddress("10.1.3.255", List.of(FORGED))).isEqualTo(FORGED);
            assertThat(proxies.clientAddress("10.1.4.0", List.of(FORGED))).isEqualTo("10.1.4.0");
            assertThat(proxies.clientAddress("10.1.1.255", List.of(FORGED))).isEqualTo("10.1.1.255");
        }

        @Test
        void whenTheRangeIsIpv6Cidr_thenItsEdgesCountAndIpv4PeersAreNotInIt() {
            TrustedProxies proxies = TrustedProxies.parse("2001:db8:abcd::/47");

            assertThat(proxies.clientAddress("2001:db8:abcd:1:0:0:0:9", List.of("2001:db8::1")))
                    .isEqualTo("2001:db8:0:0:0:0:0:1");
            assertThat(proxies.clientAddress("2001:db8:abce:0:0:0:0:1", List.of(FORGED)))
                    .isEqualTo("2001:db8:abce:0:0:0:0:1");
            assertThat(proxies.clientAddress("32.1.13.184", List.of(FORGED))).isEqualTo("32.1.13.184");
        }

        @Test
        void whenTheRangeIsEverything_thenEveryPeerIsTrusted() {
            assertThat(TrustedProxies.parse("0.0.0.0/0").clientAddress("8.8.8.8", List.of(FORGED))).isEqualTo(FORGED);
            assertThat(TrustedProxies.parse("::/0").clientAddress("::1", List.of(FORGED))).isEqualTo(FORGED);
        }

        @Test
        void whenIpv6LoopbackIsTrusted_thenTheContainersSpellingOfItMatches() {
            assertThat(TrustedProxies.parse("::1").clientAddress("0:0:0:0:0:0:0:1", List.of(FORGED))).isEqualTo(FORGED);
        }

        @Test
        void whenTheChainHasSeveralEntries_thenTheRightmostUntrustedOneIsTheClient() {
            TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");

            assertThat(proxies.clientAddress("10.0.0.1", List.of(FORGED + ", 198.51.100.4, 10.0.0.9")))
                    .as("what the client wrote before the first proxy is never believed").isEqualTo("198.51.100.4");
            assertThat(proxies.clientAddress("10.0.0.1", List.of(FORGED + ", 198.51.100.4", "10.0.0.9")))
                    .as("several headers are one list, in order").isEqualTo("198.51.100.4");
        }

        @Test
        void whenEveryEntryIsATrustedProxy_thenTheFarthestIsTheClient() {
            assertThat(TrustedProxies.parse("10.0.0.0/8").clientAddress("10.0.0.1", List.of("10.0.0.3,10.0.0.2")))
                    .isEqualTo("10.0.0.3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "localhost", "example.com", "1.2.3.4:5678", "[2001:db8::1]", "127.1",
                "1.2.3.4,,", "198.51.100.4, ", "unknown", "\u0000", "' OR 1=1 --", "2001:db8::1%eth0"})
        void whenTheNearestEntryIsNoLiteral_thenTheProxyIsTheClient(String garbage) {
            assertThat(TrustedProxies.parse("10.0.0.0/8").clientAddress("10.0.0.1", List.of(garbage)))
                    .isEqualTo("10.0.0.1");
        }

        @Test
        void whenGarbageHidesBehindAGoodEntry_thenItIsNeverReached() {
            assertThat(TrustedProxies.parse("10.0.0.0/8").clientAddress("10.0.0.1", List.of("garbage, 198.51.100.4")))
                    .isEqualTo("198.51.100.4");
        }

        @Test
        void whenTheHeaderIsOversized_thenOnlyItsNearestEntriesAreReadAndTooManyProxiesAreNotBelieved() {
            TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
            String huge = (FORGED + ",").repeat(100_000) + "198.51.100.4";

            assertThat(proxies.clientAddress("10.0.0.1", List.of(huge))).isEqualTo("198.51.100.4");
            String manyProxies = "198.51.100.4" + ",10.0.0.7".repeat(TrustedProxies.MAX_HOPS);
            assertThat(proxies.clientAddress("10.0.0.1", List.of(manyProxies))).isEqualTo("10.0.0.1");
            assertThat(proxies.clientAddress("10.0.0.1", List.of("x".repeat(1 << 20)))).isEqualTo("10.0.0.1");
        }

        @Test
        void whenTheForwardedAddressIsSpelledOddly_thenItIsRecordedInOneSpelling() {
            TrustedProxies proxies = TrustedProxies.parse("10.0.0.1");

            assertThat(proxies.clientAddress("10.0.0.1", List.of("2001:DB8:0::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
            assertThat(proxies.clientAddress("10.0.0.1", List.of("::ffff:198.51.100.4"))).isEqualTo("198.51.100.4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8",
            "10.0.0.0/ 8", "*", "10.0.0.*"})
    void whenAConfiguredEntryIsNoAddressOrRange_thenItIsRefusedByName(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry.trim() + "'")
                .hasMessageContaining("KEYLEDGER_TRUSTED_PROXIES");
    }
}
