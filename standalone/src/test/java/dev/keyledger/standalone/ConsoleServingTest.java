package dev.keyledger.standalone;

import dev.keyledger.infrastructure.hostile.PathSpellings;
import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files over HTTP (issue 14, item 1): only the listed files, each with its type and the headers that
 * keep it from being framed, sniffed or from running anything else; no other spelling and no other file.
 */
@KeyledgerService
class ConsoleServingTest {

    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8");

    private static RunningKeyledger keyledger;
    private static AdminClient anonymous;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        anonymous = keyledger.anonymous();
    }

    @Test
    void whenThePageIsAsked_thenItComesWithAStrictPolicyAndNoFraming() {
        AdminClient.Answer page = anonymous.send("GET", "/console/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe", "*", "http");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(anonymous.send("GET", "/console/", null, "If-None-Match", page.header("ETag")).status())
                .isEqualTo(304);
    }

    @Test
    void whenEachListedFileIsAsked_thenItIsServedAsItIsInTheJarWithItsType() throws IOException {
        for (String name : listed()) {
            AdminClient.Answer file = anonymous.send("GET", "/console/" + name, null);
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(name).isEqualTo(TYPES.get(name.substring(name.indexOf('.') + 1)));
            assertThat(file.header("Content-Security-Policy")).as(name).isNotBlank();
            try (InputStream in = new ClassPathResource("console/" + name).getInputStream()) {
                assertThat(file.bytes()).as(name).isEqualTo(in.readAllBytes());
            }
        }
        AdminClient.Answer bare = anonymous.send("GET", "/console", null);
        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.header("Location")).endsWith("/console/");
    }

    @Test
    void whenAFileThatIsNotListedIsAsked_thenTheAnswerIsAProblemAndNeverTheFile() {
        for (String name : List.of("assets.txt", "nope.js", "application.properties", "keyledger-defaults.properties",
                "ConsoleController.class", "index.htm", "APP.JS")) {
            AdminClient.Answer answer = anonymous.send("GET", "/console/" + name, null);
            assertThat(answer.status()).as(name).isEqualTo(404);
            assertThat(answer.header("Content-Type")).as(name).isEqualTo("application/problem+json");
        }
    }

    @Test
    void whenAListedFileIsSpelledAnotherWay_thenNothingIsServed() {
        List<String> targets = new ArrayList<>(PathSpellings.of("/console/app.js"));
        targets.addAll(List.of("/console/../api/v1/clients", "/console/%2e%2e/application.properties",
                "/console/..%2Fapplication.properties", "/console/x/app.js", "/console//app.js",
                "/console/./index.html", "/console/index.html/", "/console/.%2e/console/app.js"));
        for (String target : targets) {
            RawHttp.Answer answer = RawHttp.send(keyledger.port(), "GET", target, null);
            assertThat(answer.status()).as(target).isBetween(400, 499);
            assertThat(answer.body()).as(target).doesNotContain("import ", "<html");
        }
    }

    private static List<String> listed() throws IOException {
        try (InputStream in = new ClassPathResource("console/assets.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
