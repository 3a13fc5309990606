package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checkpoints published outside the database (the checkpoint directory, copies of the Kafka events): each file, or
 * each file of a directory, holds checkpoints one JSON object a line (a single object is one line). An object is a
 * checkpoint itself, or carries one under {@code checkpoint} (an evidence line) or {@code data} (a CloudEvent).
 */
public final class PublishedCheckpoints {

    private PublishedCheckpoints() {
    }

    public static List<Checkpoint> read(List<Path> places, ObjectMapper json) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path place : places) {
            List<Path> files;
            if (Files.isDirectory(place)) {
                try (Stream<Path> listed = Files.list(place)) {
                    files = listed.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(place);
            }
            for (Path file : files) {
                read(file, json, checkpoints);
            }
        }
        return checkpoints;
    }

    @SuppressWarnings("unchecked")
    private static void read(Path file, ObjectMapper json, List<Checkpoint> into) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        List<String> lines = text.startsWith("{") && !text.contains("\n") ? List.of(text) : text.lines().toList();
        if (lines.size() > 1 && !lines.get(1).strip().startsWith("{")) {
            // One object over several lines (pretty-printed).
            lines = List.of(text);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> object = json.readValue(line, Map.class);
            for (String wrapper : new String[] {"checkpoint", "data"}) {
                if (object.get(wrapper) instanceof Map<?, ?> inner) {
                    object = (Map<String, Object>) inner;
                }
            }
            into.add(new Checkpoint(object, file.getFileName().toString()));
        }
    }
}
