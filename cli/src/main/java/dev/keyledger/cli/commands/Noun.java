package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.cli.KeyledgerCli;
import dev.keyledger.cli.http.KeyledgerApi;
import dev.keyledger.cli.output.Printer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every noun's verbs share: the root's API, printer and environment, and a usage error without verb. */
abstract class Noun implements Runnable {

    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    KeyledgerCli cli() {
        return (KeyledgerCli) spec.root().userObject();
    }

    KeyledgerApi api() {
        return cli().api();
    }

    Printer printer() {
        return cli().printer();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
