package dev.keyledger.cli.commands;

import picocli.CommandLine.Option;

import java.util.List;

/** The filters of {@code GET /api/v1/audit/events}, shared by {@code audit events} and {@code audit export}. */
final class AuditFilter {

    @Option(names = "--after", paramLabel = "POSITION", description = "Only events after this global position.")
    Long after;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Wire names such as client.registered; repeatable or comma-separated.")
    List<String> types;

    @Option(names = "--aggregate-id", paramLabel = "ID", description = "A client id, role name or key id.")
    String aggregateId;

    @Option(names = "--from", paramLabel = "TIME", description = "From this instant (inclusive, RFC 3339).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Up to this instant (exclusive, RFC 3339).")
    String to;

    Query query() {
        return new Query().add("after", after).add("type", types == null ? null : String.join(",", types))
                .add("aggregateId", aggregateId).add("from", from).add("to", to);
    }
}
