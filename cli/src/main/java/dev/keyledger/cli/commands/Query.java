package dev.keyledger.cli.commands;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string of the options the user gave; the ones left out are not sent (the service's defaults apply). */
final class Query {

    private final List<String> parameters = new ArrayList<>();

    Query add(String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    String on(String path) {
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }
}
