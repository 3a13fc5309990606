package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work that must give way to token issuance runs at nice 10 (docs/DECISIONS.md 110 and 134): the admin lane and
 * the query side's processors, as Axon and the service actually start them; the signing turns keep the JVM's nice.
 * Linux names a thread by the first 15 characters of its Java name.
 */
@EnabledOnOs(OS.LINUX)
@KeyledgerService
class BackgroundPriorityTest {

    private static final List<String> BACKGROUND = List.of("admin-lane-", "WorkPackage[que", "Coordinator[que",
            "audit-chain-lin", "keyledger-taili");

    @Test
    void whenTheServiceHasWrittenAndIssued_thenItsBackgroundThreadsRunAtNiceTenAndItsSigningTurnsDoNot(
            RunningKeyledger keyledger) throws IOException {
        AdminClient.Answer client = keyledger.admin().post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("priority") + "\"}");
        keyledger.tokenFor(client.text("clientId"), client.text("clientSecret"));

        List<NativeThread> threads = threadsOfThisJvm();
        for (String background : BACKGROUND) {
            List<NativeThread> named = threads.stream().filter(thread -> thread.name().startsWith(background)).toList();
            assertThat(named).as("threads named %s...", background).isNotEmpty()
                    .allSatisfy(thread -> assertThat(thread.nice()).as(thread.name()).isEqualTo(10));
        }
        assertThat(threads.stream().filter(thread -> thread.name().equals("signing-turn")).toList()).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread.nice()).as(thread.name()).isLessThan(10));
    }

    private static List<NativeThread> threadsOfThisJvm() throws IOException {
        List<NativeThread> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // Field 19 is the nice; the name (field 2) may hold spaces, so count after its ')'.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                int nice = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
                threads.add(new NativeThread(name, nice));
            }
        }
        return threads;
    }

    private record NativeThread(String name, int nice) {
    }
}
