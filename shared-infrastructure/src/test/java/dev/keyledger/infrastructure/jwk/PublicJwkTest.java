package dev.keyledger.infrastructure.jwk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients' JWKs built by Nimbus (and the JDK for Ed25519): what passes, what is refused and why. */
class PublicJwkTest {

    private static final BigInteger ED25519_P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    @Test
    void whenAnEcP256PublicKeyWithoutKid_thenEs256AndItsRfc7638ThumbprintAsKid() throws Exception {
        ECKey nimbus = new ECKeyGenerator(Curve.P_256).generate();

        PublicJwk jwk = PublicJwk.parse(nimbus.toPublicJWK().toJSONString());

        assertThat(jwk.kty()).isEqualTo("EC");
        assertThat(jwk.alg()).isEqualTo("ES256");
        assertThat(jwk.kid()).isEqualTo(nimbus.computeThumbprint().toString());
        assertThat(jwk.key()).isEqualTo(nimbus.toECPublicKey());
        assertThat(PublicJwk.parse(jwk.json())).isEqualTo(jwk);
    }

    @Test
    void whenTheJwkHoldsAPrivateMember_thenItIsRefusedWhateverElseItHolds() throws Exception {
        ECKey withPrivate = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        RSAKey rsaWithPrivate = new RSAKeyGenerator(2048).generate();

        assertThatThrownBy(() -> PublicJwk.parse(withPrivate.toJSONString()))
                .isInstanceOf(InvalidJwk.class).hasMessageContaining("private member \"d\"");
        assertThatThrownBy(() -> PublicJwk.parse(rsaWithPrivate.toJSONString()))
                .isInstanceOf(InvalidJwk.class).hasMessageContaining("private member");
        assertThatThrownBy(() -> PublicJwk.parse("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}"))
                .isInstanceOf(InvalidJwk.class).hasMessageContaining("private member \"k\"");
    }

    @Test
    void whenRsa_thenAtLeast2048BitsAndItsKidKept() throws Exception {
        RSAKey strong = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.PS256).generate();
        RSAKey weak = new RSAKeyGenerator(1024, true).generate();

        PublicJwk jwk = PublicJwk.parse(strong.toPublicJWK().toJSONString());

        assertThat(jwk.kid()).isEqualTo("rsa-1");
        assertThat(jwk.alg()).isEqualTo("PS256");
        assertThatThrownBy(() -> PublicJwk.parse(weak.toPublicJWK().toJSONString()))
                .isInstanceOf(InvalidJwk.class).hasMessageContaining("1024 bits");
    }

    @Test
    void whenAnAlgorithmDoesNotFitTheKeyOrIsHmacOrNone_thenRefused() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.HS256, JWSAlgorithm.RS256, new JWSAlgorithm("none"),
                JWSAlgorithm.ES384}) {
            String json = new ECKey.Builder(ec.toPublicJWK()).algorithm(alg).build().toJSONString();
            assertThatThrownBy(() -> PublicJwk.parse(json)).isInstanceOf(InvalidJwk.class)
                    .hasMessageContaining("does not fit");
        }
    }

    @Test
    void whenTheEcPointIsNotOnTheCurveOrTheCurveIsAnother_thenRefused() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        byte[] y = ec.getY().decode();
        y[31] ^= 1;
        String offCurve = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + ec.getX() + "\",\"y\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(y) + "\"}";
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();

        assertThatThrownBy(() -> PublicJwk.parse(offCurve)).isInstanceOf(InvalidJwk.class)
                .hasMessageContaining("not on the P-256 curve");
        assertThatThrownBy(() -> PublicJwk.parse(p384.toPublicJWK().toJSONString())).isInstanceOf(InvalidJwk.class)
                .hasMessageContaining("\"crv\" must be \"P-256\"");
    }

    @Test
    void whenAnEd25519PublicKey_thenTheParsedKeyVerifiesWhatItsPrivateKeySigned() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String json = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\",\"use\":\"sig\"}";
        byte[] message = "assertion".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        PublicJwk jwk = PublicJwk.parse(json);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jwk.key());
        verifier.update(message);

        assertThat(jwk.alg()).isEqualTo("EdDSA");
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void whenMembersAreMissingMistypedOrForEncryption_thenRefusedNamingTheMember() {
        assertThatThrownBy(() -> PublicJwk.parse("{\"crv\":\"P-256\"}")).hasMessageContaining("\"kty\"");
        assertThatThrownBy(() -> PublicJwk.parse("{\"kty\":\"RSA\",\"n\":1,\"e\":\"AQAB\"}"))
                .hasMessageContaining("\"n\" must be a string");
        assertThatThrownBy(() -> PublicJwk.parse("{\"kty\":\"RSA\",\"use\":\"enc\"}"))
                .hasMessageContaining("\"use\" must be \"sig\"");
        assertThatThrownBy(() -> PublicJwk.parse("[]")).isInstanceOf(InvalidJwk.class);
    }

    @Test
    void whenRsaExponentOrModulusIsOutsideTheCaps_thenRefused() throws Exception {
        RSAKey nimbus = new RSAKeyGenerator(2048).generate();
        BigInteger n = nimbus.getModulus().decodeToBigInteger();
        BigInteger below2To32 = BigInteger.TWO.pow(32).subtract(BigInteger.ONE);

        assertThat(PublicJwk.parse(rsa(n, BigInteger.valueOf(3))).alg()).isEqualTo("RS256");
        assertThat(PublicJwk.parse(rsa(n, below2To32)).alg()).isEqualTo("RS256");
        assertThat(PublicJwk.parse(rsa(BigInteger.ONE.shiftLeft(4095).setBit(0), BigInteger.valueOf(65537))).kty())
                .isEqualTo("RSA");
        for (BigInteger e : List.of(BigInteger.TWO.pow(32).add(BigInteger.ONE), n.subtract(BigInteger.TWO))) {
            assertThatThrownBy(() -> PublicJwk.parse(rsa(n, e))).isInstanceOf(InvalidJwk.class)
                    .hasMessageContaining("below 2^32");
        }
        assertThatThrownBy(() -> PublicJwk.parse(rsa(BigInteger.ONE.shiftLeft(4096).setBit(0),
                BigInteger.valueOf(65537)))).isInstanceOf(InvalidJwk.class).hasMessageContaining("4097 bits");
    }

    @Test
    void whenAnEd25519KeyIsOfSmallOrder_thenRefusedWhicheverSignBit() {
        BigInteger order8 = new BigInteger(
                "2707385501144840649318225287225658788936804267575313519463743609750303402022");
        // The identity, the point of order 2, the two of order 4 (y = 0) and the four of order 8.
        for (BigInteger y : List.of(BigInteger.ONE, ED25519_P.subtract(BigInteger.ONE), BigInteger.ZERO, order8,
                ED25519_P.subtract(order8))) {
            for (boolean xOdd : new boolean[] {false, true}) {
                assertThatThrownBy(() -> PublicJwk.parse(ed25519(y, xOdd))).as("y=%s xOdd=%s", y, xOdd)
                        .isInstanceOf(InvalidJwk.class);
            }
        }
        assertThatThrownBy(() -> PublicJwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\","
                + "\"x\":\"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}")).isInstanceOf(InvalidJwk.class)
                .hasMessageContaining("small order");
    }

    @Test
    void whenAnEd25519EncodingIsNotCanonicalOrNotOnTheCurve_thenRefused() {
        // y = p and y = p + 1 are the order-4 and identity points written a second way; 2 is no curve point's y.
        assertThatThrownBy(() -> PublicJwk.parse(ed25519(ED25519_P, false))).hasMessageContaining("not canonical");
        assertThatThrownBy(() -> PublicJwk.parse(ed25519(ED25519_P.add(BigInteger.ONE), false)))
                .hasMessageContaining("not canonical");
        assertThatThrownBy(() -> PublicJwk.parse(ed25519(BigInteger.TWO.pow(255).subtract(BigInteger.ONE), true)))
                .hasMessageContaining("not canonical");
        assertThatThrownBy(() -> PublicJwk.parse(ed25519(BigInteger.TWO, false)))
                .hasMessageContaining("not on the Ed25519 curve");
    }

    @Test
    void whenEd25519KeysAreGeneratedNormally_thenEveryOneIsAccepted() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 64; i++) {
            byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
            String x = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));

            assertThat(PublicJwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}").alg())
                    .isEqualTo("EdDSA");
        }
    }

    /** RFC 8032 §5.1.2: y little-endian in 32 bytes, the sign of x in the top bit. */
    private static String ed25519(BigInteger y, boolean xOdd) {
        byte[] bigEndian = y.toByteArray();
        byte[] encoded = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            encoded[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (xOdd) {
            encoded[31] |= (byte) 0x80;
        }
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded) + "\"}";
    }

    private static String rsa(BigInteger n, BigInteger e) {
        return "{\"kty\":\"RSA\",\"n\":\"" + unsigned(n) + "\",\"e\":\"" + unsigned(e) + "\"}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] trimmed = bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
    }
}
