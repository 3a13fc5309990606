package dev.keyledger.cli.commands;

import picocli.CommandLine.Command;

import java.util.List;

/** {@code keyledger keys ...}: the service's token signing keys (API.md §2). */
@Command(name = "keys", description = "List and rotate the keys that sign access tokens.")
public class KeysCommand extends Noun {

    @Command(name = "list", description = "Every signing key with its status (PUBLISHED, ACTIVE, RETIRED).",
            footer = {"%nExample:", "  keyledger keys list"})
    void list() {
        printer().answer(api().get("/api/v1/signing-keys"), List.of("kid", "alg", "status", "createdAt",
                "activatedAt", "retiredAt"));
    }

    @Command(name = "rotate", description = "Publish a new key; it signs after the activation delay and the current"
            + " one retires.", footer = {"%nExample:", "  keyledger keys rotate"})
    void rotate() {
        printer().answer(api().send("POST", "/api/v1/signing-keys/rotate", null), List.of());
    }
}
