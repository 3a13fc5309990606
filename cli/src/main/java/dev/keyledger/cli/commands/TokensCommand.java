package dev.keyledger.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger tokens events}: a client's issuance log (API.md §2). */
@Command(name = "tokens", description = "Read a client's token issuance log.")
public class TokensCommand extends Noun {

    @Command(name = "events", description = "Issued, failed and throttled token requests of a client, oldest first.",
            footer = {"%nExample:", "  keyledger tokens events 3fJ9... --after 120 --limit 50"})
    void events(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Option(names = "--after", paramLabel = "POSITION") Long after,
                @Option(names = "--limit", paramLabel = "N") Integer limit) {
        printer().answer(api().get(new Query().add("after", after).add("limit", limit)
                        .on(ClientsCommand.path(clientId) + "/token-events")),
                List.of("position", "at", "outcome", "slot", "secretId", "scope", "sourceAddress", "reason"));
    }
}
