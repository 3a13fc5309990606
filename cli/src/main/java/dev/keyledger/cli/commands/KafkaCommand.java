package dev.keyledger.cli.commands;

import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.http.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code keyledger kafka republish}: send the store's history to the integration topic again. */
@Command(name = "kafka", description = "Republish the event history to the Kafka topic.")
public class KafkaCommand extends Noun {

    private static final String PATH = "/api/v1/integration/kafka/republish";

    @Command(name = "republish", description = "Start a republish from a global position, or with --status show the"
            + " running or last one; --watch follows it to the end.",
            footer = {"%nExamples:", "  keyledger kafka republish --from-position 0 --watch",
                    "  keyledger kafka republish --status"})
    void republish(@Option(names = "--from-position", paramLabel = "N", defaultValue = "0",
                           description = "The first global position to send again (default ${DEFAULT-VALUE}).")
                   long fromPosition,
                   @Option(names = "--status", description = "Only show the running or last job.") boolean status,
                   @Option(names = "--watch", description = "Follow the job until it completes or fails.")
                   boolean watch,
                   @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1") double interval) {
        ApiAnswer answer = status ? api().get(PATH)
                : api().send("POST", PATH, object().put("fromPosition", fromPosition));
        while (watch && "RUNNING".equals(answer.json().path("state").asText())) {
            printer().info("published " + answer.json().path("published").asLong() + " of "
                    + (answer.json().path("upToPosition").asLong() - answer.json().path("fromPosition").asLong() + 1)
                    + " positions");
            sleep(interval);
            answer = api().get(PATH);
        }
        printer().answer(answer, List.of());
        if (watch && "FAILED".equals(answer.json().path("state").asText())) {
            throw CliFailure.refused("the republish failed: " + answer.json().path("error").asText());
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.refused("interrupted; the republish goes on (see --status)");
        }
    }
}
