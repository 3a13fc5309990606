package dev.keyledger.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rows of JSON objects as aligned columns; with no columns named, every plain field of the rows. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, JsonNode rows, List<String> columns, boolean colour, String indent) {
        List<String> fields = columns.isEmpty() ? plainFields(rows) : columns;
        List<List<String>> lines = new ArrayList<>();
        lines.add(fields.stream().map(Cells::heading).toList());
        for (JsonNode row : rows) {
            lines.add(fields.stream().map(field -> Cells.text(row.get(field))).toList());
        }
        int[] widths = new int[fields.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (int row = 0; row < lines.size(); row++) {
            StringBuilder text = new StringBuilder(indent);
            List<String> line = lines.get(row);
            for (int i = 0; i < line.size(); i++) {
                String cell = i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2);
                text.append(cell);
            }
            String rendered = text.toString().stripTrailing();
            out.println(row == 0 && colour ? Ansi.bold(rendered) : rendered);
        }
    }

    private static List<String> plainFields(JsonNode rows) {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = row.get(name);
                if (value.isValueNode() || value.isArray() && Cells.isPlain(value)) {
                    fields.add(name);
                }
            }
        }
        return List.copyOf(fields);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
