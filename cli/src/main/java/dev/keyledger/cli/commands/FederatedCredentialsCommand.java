package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code keyledger federated-credentials ...}: the workload identities a client trusts (API.md §2). */
@Command(name = "federated-credentials", description = "Trust and stop trusting workload identities (a Kubernetes"
        + " service account, a GitHub Actions job) that get tokens with no secret.")
public class FederatedCredentialsCommand extends Noun {

    @Command(name = "add", description = "Trust tokens of an issuer the operator allow-listed whose sub matches the"
            + " subject (exactly, or a prefix ending in ':*') and whose aud holds one of the audiences.",
            footer = {"%nExample:", "  keyledger federated-credentials add 3fJ9..."
                    + " --issuer https://token.actions.githubusercontent.com"
                    + " --subject 'repo:acme/billing:ref:refs/heads/main' --audience https://keyledger.example.com"})
    void add(@Parameters(paramLabel = "CLIENT_ID") String clientId,
             @Option(names = "--issuer", paramLabel = "URL", required = true) String issuer,
             @Option(names = "--subject", paramLabel = "SUB", required = true) String subject,
             @Option(names = "--audience", paramLabel = "AUD", required = true,
                     description = "Repeat for several.") List<String> audiences) {
        ObjectNode body = object().put("issuer", issuer).put("subject", subject);
        audiences.forEach(body.putArray("audiences")::add);
        printer().answer(api().send("POST", ClientsCommand.path(clientId) + "/federated-credentials", body),
                List.of("credentialId", "issuer", "subject", "audiences"));
    }

    @Command(name = "remove", description = "Stop trusting it.",
            footer = {"%nExample:", "  keyledger federated-credentials remove 3fJ9... fc_2Lm..."})
    void remove(@Parameters(paramLabel = "CLIENT_ID") String clientId,
                @Parameters(paramLabel = "CREDENTIAL_ID") String credentialId) {
        printer().answer(api().send("DELETE", ClientsCommand.path(clientId) + "/federated-credentials/"
                + segment(credentialId), null), List.of());
    }
}
