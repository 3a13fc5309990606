package dev.keyledger.infrastructure.jwk;

import java.math.BigInteger;

/**
 * An Ed25519 public key's point, decoded as RFC 8032 §5.1.3 says, and refused when verifying against it would prove
 * nothing. The JDK accepts any 32 bytes as a key, and against a point of small order (the identity, for one) a
 * signature made without any private key verifies for every message: such a key would let anyone sign as the client.
 * So the encoding must be canonical ({@code y < p}, no sign bit on {@code x = 0}), the point on the curve, and
 * {@code [8]A} must not be the identity. Plain {@link BigInteger} arithmetic: this runs when a key is read, never per
 * token.
 */
final class Ed25519Point {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    private final BigInteger x;
    private final BigInteger y;

    private Ed25519Point(BigInteger x, BigInteger y) {
        this.x = x;
        this.y = y;
    }

    /** Refuses {@code y} (already without its sign bit) and the sign of {@code x} unless they are a safe key. */
    static void requireSafe(BigInteger y, boolean xOdd) {
        if (y.compareTo(P) >= 0) {
            throw new InvalidJwk("the OKP key's encoding is not canonical (y >= p)");
        }
        Ed25519Point point = new Ed25519Point(recoverX(y, xOdd), y);
        Ed25519Point times8 = point.doubled().doubled().doubled();
        if (times8.x.signum() == 0 && times8.y.equals(BigInteger.ONE)) {
            throw new InvalidJwk("the OKP key is a point of small order: it would accept forged signatures");
        }
    }

    /** RFC 8032 §5.1.3 steps 2-4: x from x² = (y² - 1) / (d·y² + 1), the root whose parity is the sign bit. */
    private static BigInteger recoverX(BigInteger y, boolean xOdd) {
        BigInteger ySquared = y.multiply(y).mod(P);
        BigInteger u = ySquared.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(ySquared).add(BigInteger.ONE).mod(P);
        BigInteger xSquared = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = xSquared.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(xSquared)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(xSquared)) {
            throw new InvalidJwk("the OKP key's point is not on the Ed25519 curve");
        }
        if (x.signum() == 0 && xOdd) {
            throw new InvalidJwk("the OKP key's encoding is not canonical (x = 0 with its sign bit set)");
        }
        return x.testBit(0) == xOdd ? x : P.subtract(x);
    }

    /** Twisted Edwards addition of the point to itself, a = -1 (complete: d is not a square). */
    private Ed25519Point doubled() {
        BigInteger xx = x.multiply(x).mod(P);
        BigInteger yy = y.multiply(y).mod(P);
        BigInteger dxxyy = D.multiply(xx).mod(P).multiply(yy).mod(P);
        BigInteger x2 = BigInteger.TWO.multiply(x).multiply(y)
                .multiply(BigInteger.ONE.add(dxxyy).modInverse(P)).mod(P);
        BigInteger y2 = yy.add(xx).multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P)).mod(P);
        return new Ed25519Point(x2, y2);
    }
}
