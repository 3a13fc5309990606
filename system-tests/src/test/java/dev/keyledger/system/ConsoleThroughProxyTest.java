package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console is served at the one base URL of the topology, by the query side, with its own headers. */
@ExtendWith(Topology.class)
class ConsoleThroughProxyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whenTheConsoleIsAskedThroughTheProxy_thenTheQuerySideServesItsFilesWithTheirPolicy() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> script = get("/console/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(get("/console/assets.txt").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Topology.proxy().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
