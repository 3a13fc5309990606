package dev.keyledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A refusal as a person reads it: the RFC 9457 problem's title and detail, each invalid field on its own line, and
 * any fact the service added (when a secret was last used); or an OAuth error; or the bare status.
 */
public final class ProblemText {

    private static final List<String> STANDARD = List.of("type", "title", "status", "detail", "instance", "errors");

    private ProblemText() {
    }

    public static String of(ApiAnswer answer) {
        JsonNode body = answer.json();
        StringBuilder text = new StringBuilder("refused (" + answer.status() + ")");
        if (body.hasNonNull("title")) {
            text.append(": ").append(body.get("title").asText());
        } else if (body.hasNonNull("error")) {
            text.append(": ").append(body.get("error").asText());
        }
        if (body.hasNonNull("detail")) {
            text.append("\n  ").append(body.get("detail").asText());
        }
        if (body.hasNonNull("error_description")) {
            text.append("\n  ").append(body.get("error_description").asText());
        }
        for (JsonNode error : body.path("errors")) {
            text.append("\n  ").append(error.path("field").asText()).append(": ")
                    .append(error.path("message").asText());
        }
        List<String> facts = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            if (!STANDARD.contains(field.getKey()) && field.getValue().isValueNode()) {
                facts.add(field.getKey() + ": " + field.getValue().asText());
            }
        });
        facts.forEach(fact -> text.append("\n  ").append(fact));
        return text.toString();
    }
}
