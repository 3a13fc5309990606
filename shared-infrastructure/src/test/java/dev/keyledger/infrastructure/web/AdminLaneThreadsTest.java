package dev.keyledger.infrastructure.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the admin lane serves a request: a write on one of the lane's own threads (named, a daemon, at the lower
 * priority when asked for), a read on the caller's thread. Refusals under load and slow or unauthenticated bodies are
 * attacked over real HTTP in the standalone's {@code AdminLaneTest}.
 */
@EnabledOnOs(OS.LINUX)
class AdminLaneThreadsTest {

    private AdminLane lane;

    @AfterEach
    void closeLane() {
        lane.destroy();
    }

    @Test
    void whenAWriteComes_thenALaneThreadServesItAtTheLowerPriority() throws Exception {
        lane = new AdminLane(1, 1, true);

        Served served = serve(write());

        assertThat(served.thread().getName()).isEqualTo("admin-lane-1");
        assertThat(served.thread().isDaemon()).isTrue();
        assertThat(served.nice()).isEqualTo(BackgroundPriority.NICE);
        assertThat(served.body()).isEqualTo("{\"name\":\"svc\"}");
    }

    @Test
    void whenTheLowerPriorityIsOff_thenTheLaneThreadKeepsTheJvmsPriority() throws Exception {
        lane = new AdminLane(1, 1, false);

        Served served = serve(write());

        assertThat(served.thread().getName()).isEqualTo("admin-lane-1");
        assertThat(served.nice()).isEqualTo(BackgroundPriorityTest.niceOfCurrentThread());
    }

    @Test
    void whenAReadComes_thenTheCallersThreadServesIt() throws Exception {
        lane = new AdminLane(1, 1, true);

        Served served = serve(new MockHttpServletRequest("GET", "/api/v1/clients"));

        assertThat(served.thread()).isSameAs(Thread.currentThread());
    }

    private Served serve(MockHttpServletRequest request) throws Exception {
        AtomicReference<Served> served = new AtomicReference<>();
        FilterChain chain = (req, res) -> served.set(new Served(Thread.currentThread(),
                BackgroundPriorityTest.niceOfCurrentThread(),
                new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        lane.doFilter(request, new MockHttpServletResponse(), chain);
        return served.get();
    }

    private static MockHttpServletRequest write() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/clients");
        request.setContentType("application/json");
        request.setContent("{\"name\":\"svc\"}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private record Served(Thread thread, int nice, String body) {
    }
}
