package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The topic read by kcat (Debian's package): a third-party Kafka client, to show nothing depends on our own. */
final class Kcat {

    private Kcat() {
    }

    /** Every record from the beginning to the current end, in (partition, offset) order as kcat prints them. */
    static List<PublishedEvent> readAll() {
        ProcessBuilder builder = new ProcessBuilder("kcat", "-C", "-b", Topology.kafkaBootstrap(), "-t",
                Topology.topic(), "-o", "beginning", "-e", "-q", "-J").redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process kcat = builder.start();
            String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kcat.waitFor(60, TimeUnit.SECONDS) || kcat.exitValue() != 0) {
                throw new IllegalStateException("kcat failed: " + output);
            }
            List<PublishedEvent> events = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    events.add(parse(KeyledgerApi.JSON.readTree(line)));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kcat's -J envelope: headers as a flat [name, value, ...] array, the value as a string. */
    private static PublishedEvent parse(JsonNode envelope) throws IOException {
        String contentType = null;
        JsonNode headers = envelope.path("headers");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (headers.get(i).asText().equals("content-type")) {
                contentType = headers.get(i + 1).asText();
            }
        }
        String raw = envelope.path("payload").asText();
        return new PublishedEvent(envelope.path("partition").asInt(), envelope.path("offset").asLong(),
                envelope.path("key").asText(), contentType, KeyledgerApi.JSON.readTree(raw), raw);
    }
}
