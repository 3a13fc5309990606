package dev.keyledger.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One JSON value as table text: null as "-", a list of plain values joined, anything deeper as compact JSON. */
final class Cells {

    private Cells() {
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray() && isPlain(value)) {
            List<String> parts = new ArrayList<>();
            value.forEach(part -> parts.add(part.asText()));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return value.toString();
    }

    static boolean isPlain(JsonNode array) {
        for (JsonNode part : array) {
            if (!part.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** {@code clientId} → {@code CLIENT ID}. */
    static String heading(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
