package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.cli.CliFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger roles ...}: roles, their permissions, and who holds them (API.md §2). */
@Command(name = "roles", description = "Create, read, change and delete roles; assign them to clients.")
public class RolesCommand extends Noun {

    private static final String BASE = "/api/v1/roles";

    @Command(name = "list", description = "List roles a page at a time.",
            footer = {"%nExample:", "  keyledger roles list --size 100"})
    void list(@Option(names = "--page", paramLabel = "N") Integer page,
              @Option(names = "--size", paramLabel = "N") Integer size) {
        printer().answer(api().get(new Query().add("page", page).add("size", size).on(BASE)),
                List.of("name", "permissions", "description"));
    }

    @Command(name = "get", description = "Show a role.", footer = {"%nExample:", "  keyledger roles get billing-reader"})
    void get(@Parameters(paramLabel = "ROLE") String name) {
        printer().answer(api().get(path(name)), List.of());
    }

    @Command(name = "create", description = "Create a role with its permissions (OAuth scope tokens).",
            footer = {"%nExample:", "  keyledger roles create billing-reader --permission billing:read"
                    + " --permission invoices:read"})
    void create(@Parameters(paramLabel = "ROLE") String name,
                @Option(names = "--permission", paramLabel = "SCOPE", required = true,
                        description = "Repeatable.") List<String> permissions,
                @Option(names = "--description", paramLabel = "TEXT") String description) {
        ObjectNode body = object().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        permissions.forEach(body.putArray("permissions")::add);
        printer().answer(api().send("POST", BASE, body), List.of());
    }

    @Command(name = "set-permissions", description = "Replace a role's permissions.",
            footer = {"%nExample:", "  keyledger roles set-permissions billing-reader billing:read invoices:read"})
    void setPermissions(@Parameters(paramLabel = "ROLE", index = "0") String name,
                        @Parameters(paramLabel = "SCOPE", index = "1..*", arity = "0..*") List<String> permissions) {
        ObjectNode body = object();
        var list = body.putArray("permissions");
        if (permissions != null) {
            permissions.forEach(list::add);
        }
        printer().answer(api().send("PUT", path(name) + "/permissions", body), List.of());
    }

    @Command(name = "delete", description = "Delete a role; every client holding it loses it.",
            footer = {"%nExample:", "  keyledger roles delete billing-reader --force"})
    void delete(@Parameters(paramLabel = "ROLE") String name,
                @Option(names = "--force", description = "Required: the role is taken from every client holding it.")
                boolean force) {
        if (!force) {
            throw CliFailure.usage("deleting role " + name + " takes it from every client that holds it: add --force"
                    + " to delete it");
        }
        api().send("DELETE", path(name), null);
        printer().info("role " + name + " deleted");
    }

    @Command(name = "assign", description = "Give a client a role.",
            footer = {"%nExample:", "  keyledger roles assign 3fJ9... billing-reader"})
    void assign(@Parameters(paramLabel = "CLIENT_ID", index = "0") String clientId,
                @Parameters(paramLabel = "ROLE", index = "1") String role) {
        printer().answer(api().send("PUT", ClientsCommand.path(clientId) + "/roles/" + segment(role), null),
                List.of());
    }

    @Command(name = "unassign", description = "Take a role from a client.",
            footer = {"%nExample:", "  keyledger roles unassign 3fJ9... billing-reader"})
    void unassign(@Parameters(paramLabel = "CLIENT_ID", index = "0") String clientId,
                  @Parameters(paramLabel = "ROLE", index = "1") String role) {
        printer().answer(api().send("DELETE", ClientsCommand.path(clientId) + "/roles/" + segment(role), null),
                List.of());
    }

    private static String path(String name) {
        return BASE + "/" + segment(name);
    }
}
