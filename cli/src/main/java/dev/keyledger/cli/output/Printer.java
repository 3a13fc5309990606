package dev.keyledger.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.http.ApiAnswer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints the service's answers. {@code json} is the body exactly as the service sent it; {@code yaml} the same
 * document in YAML; {@code table} a readable rendering. Messages for people go to standard error, so that standard
 * output holds only data; {@code --quiet} silences them and shrinks tables to their first column (the ids).
 */
public final class Printer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliEnvironment environment;
    private final OutputFormat format;
    private final boolean quiet;

    public Printer(CliEnvironment environment, OutputFormat format, boolean quiet) {
        this.environment = environment;
        this.format = format;
        this.quiet = quiet;
    }

    public boolean quiet() {
        return quiet;
    }

    /** A single answer; for lists ({@code items}), {@code columns} choose what a table shows (empty: every field). */
    public void answer(ApiAnswer answer, List<String> columns) {
        PrintWriter out = environment.out();
        switch (format) {
            case JSON -> {
                if (!answer.body().isEmpty()) {
                    out.println(answer.body());
                }
            }
            case YAML -> yaml(answer.json());
            case TABLE -> table(answer.json(), columns);
        }
        out.flush();
    }

    public void info(String message) {
        if (!quiet) {
            environment.err().println(message);
            environment.err().flush();
        }
    }

    public void warning(String message) {
        environment.err().println(colour() ? Ansi.yellow(message) : message);
        environment.err().flush();
    }

    private boolean colour() {
        return environment.terminal() && environment.variable("NO_COLOR").isEmpty();
    }

    private void yaml(JsonNode document) {
        if (document.isMissingNode()) {
            return;
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        // Strings that would read back as another type (a time stamp, "null", "true") are quoted by the dumper.
        environment.out().print(new Yaml(options).dump(JSON.convertValue(document, Object.class)));
    }

    private void table(JsonNode document, List<String> columns) {
        PrintWriter out = environment.out();
        if (document.isMissingNode()) {
            return;
        }
        JsonNode items = document.get("items");
        if (items != null && items.isArray()) {
            if (quiet) {
                items.forEach(item -> out.println(Cells.text(item.get(firstColumn(item, columns)))));
                return;
            }
            Table.print(out, items, columns, colour(), "");
            footer(document);
            return;
        }
        if (!quiet) {
            fields(out, document, "");
        }
    }

    private static String firstColumn(JsonNode item, List<String> columns) {
        return columns.isEmpty() ? item.fieldNames().next() : columns.get(0);
    }

    private void footer(JsonNode page) {
        if (page.has("total")) {
            long total = page.get("total").asLong();
            long number = page.path("page").asLong();
            long size = page.path("size").asLong();
            info("page " + number + " (" + size + " a page), " + total + " in all");
        } else if (page.hasNonNull("next")) {
            info("more after " + page.get("next").asText() + " (--after " + page.get("next").asText() + ")");
        }
    }

    /** An object as "name: value" lines; lists of objects as indented tables, nested objects indented. */
    private void fields(PrintWriter out, JsonNode object, String indent) {
        int width = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            width = Math.max(width, names.next().length());
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = object.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            String label = indent + entry.getKey() + ":";
            if (value.isObject() && !value.isEmpty()) {
                out.println(label);
                fields(out, value, indent + "  ");
            } else if (value.isArray() && !value.isEmpty() && !Cells.isPlain(value)) {
                out.println(label);
                Table.print(out, value, List.of(), colour(), indent + "  ");
            } else {
                out.println(label + " ".repeat(width - entry.getKey().length() + 1) + Cells.text(value));
            }
        }
    }
}
