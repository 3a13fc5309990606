package dev.keyledger.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger projections ...}: the read models' processors on the node that answers. */
@Command(name = "projections", description = "Show and replay the read models' projections.")
public class ProjectionsCommand extends Noun {

    @Command(name = "status", description = "Every projection (or one) with its position on the answering node.",
            footer = {"%nExample:", "  keyledger projections status query-views"})
    void status(@Parameters(paramLabel = "NAME", arity = "0..1") String name) {
        printer().answer(api().get("/api/v1/projections" + (name == null ? "" : "/" + segment(name))),
                List.of("name", "running", "replaying", "claimedSegments"));
    }

    @Command(name = "replay", description = "Rebuild a projection from the whole event history.",
            footer = {"%nExample:", "  keyledger projections replay query-views"})
    void replay(@Parameters(paramLabel = "NAME") String name) {
        printer().answer(api().send("POST", "/api/v1/projections/" + segment(name) + "/replay", null), List.of());
    }
}
