package dev.keyledger.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One answer of the service: its status and its body exactly as sent (what {@code --output json} prints). */
public record ApiAnswer(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
