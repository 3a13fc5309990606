package dev.keyledger.standalone;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * What one signature and one verification cost with the JDK's providers, for each algorithm a client's assertion may
 * use: the floor of what {@code private_key_jwt} adds to a token (issue 15: about one verification). Wall time of one
 * thread, so run it on a quiet machine or read it as relative figures.
 *
 * <p>Run: {@code scripts/bench VerificationCostBenchmark [operations]} (default 3000 per algorithm and round).
 */
public final class VerificationCostBenchmark {

    private record Algorithm(String name, String jca, String keyType) {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        byte[] message = new byte[300];
        new SecureRandom().nextBytes(message);
        for (Algorithm algorithm : new Algorithm[] {new Algorithm("ES256", "SHA256withECDSAinP1363Format", "EC"),
                new Algorithm("EdDSA", "Ed25519", "Ed25519"), new Algorithm("RS256", "SHA256withRSA", "RSA")}) {
            KeyPair keys = keyPair(algorithm.keyType());
            double[] last = null;
            for (int round = 0; round < 3; round++) { // the first two warm the JIT up
                last = measure(algorithm.jca(), keys, message, operations);
            }
            System.out.printf(Locale.ROOT, "%s: sign %.3f ms, verify %.3f ms%n", algorithm.name(), last[0], last[1]);
        }
    }

    private static KeyPair keyPair(String type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        switch (type) {
            case "EC" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            case "RSA" -> generator.initialize(2048);
            default -> { }
        }
        return generator.generateKeyPair();
    }

    /** Milliseconds per signature and per verification. */
    private static double[] measure(String jca, KeyPair keys, byte[] message, int operations) throws Exception {
        Signature signer = Signature.getInstance(jca);
        byte[] signature = null;
        long started = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            signer.initSign(keys.getPrivate());
            signer.update(message);
            signature = signer.sign();
        }
        long signed = System.nanoTime();
        Signature verifier = Signature.getInstance(jca);
        for (int i = 0; i < operations; i++) {
            verifier.initVerify(keys.getPublic());
            verifier.update(message);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException(jca + " did not verify its own signature");
            }
        }
        long verified = System.nanoTime();
        return new double[] {(signed - started) / 1e6 / operations, (verified - signed) / 1e6 / operations};
    }
}
