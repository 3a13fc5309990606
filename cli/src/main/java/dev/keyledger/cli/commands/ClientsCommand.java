package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.http.ApiAnswer;
import dev.keyledger.cli.output.SecretDelivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger clients ...}: the client resource of API.md §2. */
@Command(name = "clients", description = "Register, read, change, disable, enable and delete clients.")
public class ClientsCommand extends Noun {

    static final List<String> COLUMNS = List.of("clientId", "name", "status", "roles");
    private static final String BASE = "/api/v1/clients";

    @Command(name = "list", description = "List clients, filtered and a page at a time.",
            footer = {"%nExample:", "  keyledger clients list --status ACTIVE --role billing-reader --size 50"})
    void list(@Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE, DISABLED or DELETED")
              String status,
              @Option(names = "--role", paramLabel = "ROLE", description = "Only clients holding this role.")
              String role,
              @Option(names = {"--name-contains", "--q"}, paramLabel = "TEXT",
                      description = "Only clients whose name contains this (case-insensitive).") String nameContains,
              @Option(names = "--page", paramLabel = "N", description = "The page, from 0.") Integer page,
              @Option(names = "--size", paramLabel = "N", description = "Clients a page (default 20, at most 200).")
              Integer size) {
        ApiAnswer answer = api().get(new Query().add("status", status).add("role", role).add("q", nameContains)
                .add("page", page).add("size", size).on(BASE));
        printer().answer(answer, COLUMNS);
    }

    @Command(name = "get", description = "Show a client: now, or as it was at an instant.",
            footer = {"%nExample:", "  keyledger clients get 3fJ9... --as-of 2026-11-29T10:15:30Z"})
    void get(@Parameters(paramLabel = "CLIENT_ID") String clientId,
             @Option(names = "--as-of", paramLabel = "TIME", description = "An RFC 3339 instant.") String asOf) {
        printer().answer(api().get(new Query().add("asOf", asOf).on(path(clientId))), List.of());
    }

    @Command(name = "create", description = "Register a client; its secret is shown once.",
            footer = {"%nExample:", "  keyledger clients create --name billing-worker --role billing-reader"
                    + " --secret-file billing.secret"})
    void create(@Option(names = "--name", required = true, paramLabel = "NAME") String name,
                @Option(names = "--description", paramLabel = "TEXT") String description,
                @Option(names = "--role", paramLabel = "ROLE", description = "Repeatable.") List<String> roles,
                @Option(names = "--ttl", paramLabel = "SECONDS", description = "Access token lifetime, 60-86400.")
                Integer ttl,
                @Option(names = "--audience", paramLabel = "URI", description = "An allowed audience; repeatable.")
                List<String> audiences,
                @Option(names = "--idempotency-key", paramLabel = "KEY",
                        description = "Retry safely: the same key and request replay the first answer.")
                String idempotencyKey,
                @Mixin SecretOptions secret) {
        SecretDelivery delivery = secret.delivery(cli());
        delivery.checkBeforeWrite();
        ObjectNode body = object().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        if (roles != null) {
            roles.forEach(body.putArray("roles")::add);
        }
        if (ttl != null) {
            body.put("accessTokenTtlSeconds", ttl);
        }
        if (audiences != null) {
            audiences.forEach(body.putArray("allowedAudiences")::add);
        }
        String[] headers = idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        delivery.deliver(api().send("POST", BASE, body, headers), List.of());
    }

    @Command(name = "update", description = "Change a client's name, description, token lifetime or audiences.",
            footer = {"%nExample:", "  keyledger clients update 3fJ9... --ttl 900 --audience https://api.example.com"})
    void update(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Option(names = "--name", paramLabel = "NAME") String name,
                @Option(names = "--description", paramLabel = "TEXT") String description,
                @Option(names = "--ttl", paramLabel = "SECONDS") Integer ttl,
                @Option(names = "--audience", paramLabel = "URI",
                        description = "Replaces the allowed audiences; repeatable.") List<String> audiences,
                @Option(names = "--no-audiences", description = "Clears the allowed audiences.") boolean noAudiences,
                @Option(names = "--if-version", paramLabel = "N",
                        description = "Only if the client is still at this version (If-Match).") Long ifVersion) {
        ObjectNode body = object();
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (ttl != null) {
            body.put("accessTokenTtlSeconds", ttl);
        }
        if (audiences != null || noAudiences) {
            ArrayNode list = body.putArray("allowedAudiences");
            if (audiences != null) {
                audiences.forEach(list::add);
            }
        }
        if (body.isEmpty()) {
            throw CliFailure.usage("nothing to change: give --name, --description, --ttl, --audience or"
                    + " --no-audiences");
        }
        String[] headers = ifVersion == null ? new String[0] : new String[] {"If-Match", "\"" + ifVersion + "\""};
        printer().answer(api().send("PATCH", path(clientId), body, headers), List.of());
    }

    @Command(name = "disable", description = "Stop all token issuance for a client (reversible).",
            footer = {"%nExample:", "  keyledger clients disable 3fJ9..."})
    void disable(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        printer().answer(api().send("POST", path(clientId) + "/disable", null), List.of());
    }

    @Command(name = "enable", description = "Resume token issuance for a disabled client.",
            footer = {"%nExample:", "  keyledger clients enable 3fJ9..."})
    void enable(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        printer().answer(api().send("POST", path(clientId) + "/enable", null), List.of());
    }

    @Command(name = "delete", description = "Delete a client for good: it can never authenticate again.",
            footer = {"%nExample:", "  keyledger clients delete 3fJ9... --force"})
    void delete(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Option(names = "--force", description = "Required: deletion cannot be undone.") boolean force) {
        if (!force) {
            throw CliFailure.usage("deleting client " + clientId + " cannot be undone (disable it to stop it"
                    + " reversibly): add --force to delete it");
        }
        printer().answer(api().send("DELETE", path(clientId), null), List.of());
    }

    static String path(String clientId) {
        return BASE + "/" + segment(clientId);
    }
}
