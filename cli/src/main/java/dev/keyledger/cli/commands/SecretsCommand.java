package dev.keyledger.cli.commands;

import dev.keyledger.cli.http.ApiAnswer;
import dev.keyledger.cli.http.ServiceRefusal;
import dev.keyledger.cli.output.SecretDelivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger secrets ...}: a client's two secret slots (API.md §2). */
@Command(name = "secrets", description = "Add, promote, rotate and delete a client's secrets.",
        subcommands = RotateStagedCommand.class)
public class SecretsCommand extends Noun {

    @Command(name = "add", description = "Add a SECONDARY secret beside the primary; it is shown once.",
            footer = {"%nExample:", "  keyledger secrets add 3fJ9... --expires-at 2027-01-31T00:00:00Z"
                    + " --secret-file new.secret"})
    void add(@Parameters(paramLabel = "CLIENT_ID") String clientId,
             @Option(names = "--expires-at", paramLabel = "TIME",
                     description = "When it stops working (RFC 3339, in the future).") String expiresAt,
             @Mixin SecretOptions secret) {
        SecretDelivery delivery = secret.delivery(cli());
        delivery.checkBeforeWrite();
        delivery.deliver(api().send("POST", ClientsCommand.path(clientId) + "/secrets",
                expiresAt == null ? object() : object().put("expiresAt", expiresAt)), List.of());
    }

    @Command(name = "promote", description = "Make the SECONDARY secret PRIMARY; the former primary keeps working"
            + " as SECONDARY until deleted.",
            footer = {"%nExample:", "  keyledger secrets promote 3fJ9..."})
    void promote(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                 @Parameters(paramLabel = "SECRET_ID", arity = "0..1",
                         description = "Default: the client's secondary.") String secretId) {
        String id = secretId != null ? secretId : current(clientId).secondaryId();
        printer().answer(api().send("POST", ClientsCommand.path(clientId) + "/secrets/" + segment(id) + "/promote",
                null), List.of());
    }

    @Command(name = "rotate", description = "One step: a new PRIMARY at once, the former primary becomes SECONDARY."
            + " Prefer rotate-staged, which lets machines move over first.",
            footer = {"%nExample:", "  keyledger secrets rotate 3fJ9... --to-command 'vault kv put secret/app"
                    + " client_secret=-'"})
    void rotate(@Parameters(paramLabel = "CLIENT_ID") String clientId, @Mixin SecretOptions secret) {
        SecretDelivery delivery = secret.delivery(cli());
        delivery.checkBeforeWrite();
        delivery.deliver(api().send("POST", ClientsCommand.path(clientId) + "/secrets/rotate", null), List.of());
    }

    @Command(name = "delete", description = "Delete the SECONDARY secret. Refused while it was used within the"
            + " service's guard period (15 minutes by default) unless --force.",
            footer = {"%nExample:", "  keyledger secrets delete 3fJ9..."})
    void delete(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Parameters(paramLabel = "SECRET_ID", arity = "0..1",
                        description = "Default: the client's secondary.") String secretId,
                @Option(names = "--force", description = "Delete even if machines used it moments ago (they will"
                        + " fail).") boolean force) {
        String id = secretId != null ? secretId : current(clientId).secondaryId();
        printer().answer(deleteSecret(clientId, id, force), List.of());
    }

    ApiAnswer deleteSecret(String clientId, String secretId, boolean force) {
        String path = ClientsCommand.path(clientId) + "/secrets/" + segment(secretId) + (force ? "?force=true" : "");
        try {
            return api().send("DELETE", path, null);
        } catch (ServiceRefusal refusal) {
            if (refusal.isProblem("secret-recently-used")) {
                throw new SecretInUse(refusal.getMessage());
            }
            throw refusal;
        }
    }

    ClientSecrets current(String clientId) {
        return ClientSecrets.of(api().get(ClientsCommand.path(clientId)).json());
    }
}
