package dev.keyledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OIDC issuer as Kubernetes or GitHub Actions would be, served by the JDK's HTTP server inside the test on the
 * loopback interface: {@code /<name>/.well-known/openid-configuration} points at {@code /<name>/jwks}, which serves
 * the current keys (RS256, as both sign). It rotates its keys, answers slowly, or with the wrong content type, on
 * demand, and counts how often its keys were fetched.
 */
final class TestIssuer {

    enum Behaviour { NORMAL, WRONG_CONTENT_TYPE, HELD }

    private final String name;
    private final String url;
    private volatile List<RSAKey> keys;
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final CountDownLatch fetchArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private TestIssuer(HttpServer server, String name) {
        this.name = name;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        this.keys = List.of(newKey(name + "-1"));
        server.createContext("/" + name + "/", this::serve);
    }

    /** A server for issuers; each test names its own. */
    static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    static TestIssuer on(HttpServer server, String name) {
        return new TestIssuer(server, name);
    }

    String url() {
        return url;
    }

    RSAKey key() {
        return keys.get(0);
    }

    String jwks() {
        return new JWKSet(List.copyOf(keys.stream().map(RSAKey::toPublicJWK).toList())).toString();
    }

    /** Signs with a fresh key from now on and publishes only that one. */
    void rotate(String kid) {
        keys = List.of(newKey(kid));
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    /** For {@link Behaviour#HELD}: waits until a key fetch is being held. */
    boolean awaitHeldFetch() throws InterruptedException {
        return fetchArrived.await(30, TimeUnit.SECONDS);
    }

    void releaseHeldFetches() {
        release.countDown();
    }

    String token(JWTClaimsSet claims) {
        return token(key(), claims);
    }

    static String token(RSAKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/" + name + "/.well-known/openid-configuration")) {
            answer(exchange, "application/json", "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/jwks\"}");
        } else if (path.equals("/" + name + "/jwks")) {
            jwksFetches.incrementAndGet();
            if (behaviour == Behaviour.HELD) {
                fetchArrived.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, behaviour == Behaviour.WRONG_CONTENT_TYPE ? "text/html" : "application/json", jwks());
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The token endpoint gave up waiting and closed the connection: what a slow issuer's callers do.
        } finally {
            exchange.close();
        }
    }
}
