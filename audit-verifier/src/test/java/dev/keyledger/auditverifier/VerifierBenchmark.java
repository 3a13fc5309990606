package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier's speed (docs/BENCHMARKS.md): writes a synthetic evidence file of N events shaped like real
 * audit entries (a client registration's payload), chained and signed by a checkpoint every 100,000 events, then
 * verifies it with the jar's own entry point and prints events per second. Run it pinned to one core:
 * {@code taskset -c 0 java -cp audit-verifier/target/keyledger-audit-verifier.jar:audit-verifier/target/test-classes
 * dev.keyledger.auditverifier.VerifierBenchmark 10000000 /tmp/evidence-bench}.
 */
public final class VerifierBenchmark {

    private static final int CHECKPOINT_EVERY = 100_000;

    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        Path evidence = dir.resolve("evidence-" + events + ".ndjson");
        Path keys = dir.resolve("audit-keys.json");
        long started = System.nanoTime();
        write(events, evidence, keys);
        System.out.printf("wrote %,d events (%,d MB) in %.1f s%n", events, Files.size(evidence) >> 20,
                (System.nanoTime() - started) / 1e9);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        int exit = Main.run(new String[] {evidence.toString(), keys.toString()}, new PrintStream(out), System.err);
        double seconds = (System.nanoTime() - started) / 1e9;
        // On a shared machine the wall clock counts other processes' turns too; the thread's CPU time does not.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        System.out.print(out.toString(StandardCharsets.UTF_8));
        System.out.printf("verified %,d events in %.1f s wall, %.1f s CPU of the verifying thread: %,.0f events/s"
                        + " wall, %,.0f events per CPU second (exit %d, JDK %s, %d processors visible)%n",
                events, seconds, cpuSeconds, events / seconds, events / cpuSeconds, exit,
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        Files.delete(evidence);
    }

    private static void write(long events, Path evidence, Path keysFile) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = key.getPublic().getEncoded();
        Map<String, Object> jwk = Map.of("kty", "OKP", "crv", "Ed25519", "kid", "bench", "alg", "EdDSA", "use", "sig",
                "x", Base64.getUrlEncoder().withoutPadding().encodeToString(
                        Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        Files.writeString(keysFile, new ObjectMapper().writeValueAsString(Map.of("keys", List.of(jwk))));

        HexFormat hex = HexFormat.of();
        MessageDigest sha256 = ChainRule.sha256();
        byte[] previous = ChainRule.GENESIS;
        String previousCheckpoint = null;
        StringBuilder checkpoints = new StringBuilder();
        // Checkpoints go before the events in the file: computed in a first pass over the same chain.
        for (int pass = 0; pass < 2; pass++) {
            previous = ChainRule.GENESIS;
            try (BufferedWriter out = Files.newBufferedWriter(evidence, StandardCharsets.UTF_8)) {
                if (pass == 1) {
                    out.write("{\"anchor\":null,\"format\":\"keyledger-audit-evidence/1\",\"from\":null,"
                            + "\"kind\":\"header\",\"previousEventCount\":0,\"previousLink\":\"" + hex.formatHex(previous)
                            + "\",\"previousPosition\":0,\"to\":null}\n");
                    out.write(checkpoints.toString());
                }
                long lines = 1 + checkpoints.toString().lines().count();
                for (long position = 1; position <= events; position++) {
                    String entry = entry(position);
                    byte[] stored = sha256.digest(("stored " + position).getBytes(StandardCharsets.UTF_8));
                    byte[] link = ChainRule.link(previous, stored, sha256.digest(entry.getBytes(StandardCharsets.UTF_8)));
                    if (pass == 1) {
                        out.write("{\"entry\":" + entry + ",\"kind\":\"event\",\"link\":\""
                                + hex.formatHex(link) + "\",\"position\":" + position + ",\"storedDigest\":\""
                                + hex.formatHex(stored) + "\"}\n");
                        lines++;
                    } else if (position % CHECKPOINT_EVERY == 0 || position == events) {
                        Map<String, Object> checkpoint = new LinkedHashMap<>();
                        checkpoint.put("position", position);
                        checkpoint.put("eventCount", position);
                        checkpoint.put("headHash", hex.formatHex(link));
                        checkpoint.put("previousCheckpointHash", previousCheckpoint);
                        checkpoint.put("createdAt", Instant.now().toString());
                        checkpoint.put("keyId", "bench");
                        Signature ed25519 = Signature.getInstance("Ed25519");
                        ed25519.initSign(key.getPrivate());
                        ed25519.update(CanonicalJson.bytes(checkpoint));
                        checkpoint.put("signature",
                                Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign()));
                        previousCheckpoint = hex.formatHex(ChainRule.sha256().digest(CanonicalJson.bytes(checkpoint)));
                        checkpoints.append(CanonicalJson.text(Map.of("kind", "checkpoint", "checkpoint", checkpoint)))
                                .append('\n');
                    }
                    previous = link;
                }
                if (pass == 1) {
                    out.write("{\"kind\":\"end\",\"lines\":" + lines + "}\n");
                }
            }
        }
    }

    /**
     * An entry shaped like a client's registration, as the service exports it, written straight in canonical form
     * (members in order, nothing to escape) so that writing 10 million stays cheap; the verifier parses and
     * canonicalizes it like any other.
     */
    private static String entry(long position) {
        String client = "client-" + (position / 3);
        return "{\"actor\":\"bootstrap-admin\",\"aggregateId\":\"" + client + "\",\"aggregateType\":\"client\","
                + "\"correlationId\":\"corr-" + position + "\",\"eventId\":\"5f0c6a1e-"
                + String.format("%012d", position) + "\",\"globalPosition\":" + position
                + ",\"occurredAt\":\"2026-12-04T19:00:00.123456Z\",\"payload\":{\"accessTokenTtlSeconds\":3600,"
                + "\"allowedAudiences\":[],\"clientId\":\"" + client + "\",\"description\":\"synthetic\","
                + "\"name\":\"Billing service " + position + "\",\"primarySecret\":{\"expiresAt\":null,"
                + "\"hint\":\"kl_...9f3a\",\"secretId\":\"sec_" + Long.toHexString(position * 2654435761L)
                + "\",\"slot\":\"PRIMARY\"},\"roles\":[\"billing-reader\"]},\"sequence\":" + (position % 3)
                + ",\"type\":\"client.registered\"}";
    }
}
