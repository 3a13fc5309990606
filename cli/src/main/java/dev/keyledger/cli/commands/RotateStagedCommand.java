package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.http.ApiAnswer;
import dev.keyledger.cli.http.ServiceRefusal;
import dev.keyledger.cli.output.Printer;
import dev.keyledger.cli.output.SecretDelivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The safe rotation, one stage a run (or all of them with {@code --wait}): add a secondary and deliver it once; show
 * each secret's {@code lastUsedAt} while machines move over; promote when told; delete the old secret only once the
 * service's guard lets it (or with {@code --force}). The stage is read from the client itself, so running the command
 * again continues where the last run stopped, from any machine.
 */
@Command(name = "rotate-staged", description = "Rotate a client's secret without a failed token request: add,"
        + " deploy, check lastUsedAt, promote, delete the old one. Run again to continue where it stands.",
        footer = {"%nExamples, one stage a run (each run shows where the rotation stands):",
                "  keyledger secrets rotate-staged 3fJ9... --secret-file new.secret",
                "  keyledger secrets rotate-staged 3fJ9... --promote",
                "  keyledger secrets rotate-staged 3fJ9... --delete-old --wait",
                "All in one run, for a pipeline that deploys the secret itself:",
                "  keyledger secrets rotate-staged 3fJ9... --to-command ./deploy-secret \\",
                "      --promote --delete-old --wait"})
public class RotateStagedCommand implements Runnable {

    @ParentCommand
    SecretsCommand secrets;

    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Option(names = "--expires-at", paramLabel = "TIME", description = "When the new secret stops working.")
    String expiresAt;

    @Option(names = "--promote", description = "Promote the new secret when the rotation reaches that stage.")
    boolean promote;

    @Option(names = "--delete-old", description = "Delete the old secret when the rotation reaches that stage.")
    boolean deleteOld;

    @Option(names = "--force", description = "Delete the old secret even if it was used within the guard period.")
    boolean force;

    @Option(names = "--wait", description = "Keep going: wait for the new secret's first use before promoting, and"
            + " for the old one to fall quiet before deleting, showing lastUsedAt meanwhile.")
    boolean await;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often --wait looks again (default ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "How long --wait waits at most (default ${DEFAULT-VALUE}).")
    double timeout;

    @Mixin
    SecretOptions secret;

    private long deadline;

    @Override
    public void run() {
        deadline = System.nanoTime() + seconds(timeout).toNanos();
        ClientSecrets state = secrets.current(clientId);
        if (state.secondary().isEmpty()) {
            if ((promote || deleteOld) && !await) {
                // A later stage's flag alone is a resumed rotation: on a client with one secret it has finished.
                guide("no rotation in progress: client " + clientId + " has one secret. Run without --promote and"
                        + " --delete-old to start one");
                return;
            }
            Optional<ClientSecrets> added = add();
            if (added.isEmpty()) {
                state = withSecondary();
            } else if (!await && !promote) {
                guide("stage 1 of 3 done: deploy the new secret to every machine that uses this client, then run"
                        + " again: " + nextStage("--promote"));
                return;
            } else {
                state = added.get();
            }
        }
        if (state.secondaryIsNewer()) {
            state = promote(state);
            if (state == null) {
                return;
            }
        }
        retire(state);
    }

    /** Stage 1; empty when the service already holds a secondary that the read model did not show yet. */
    private Optional<ClientSecrets> add() {
        SecretDelivery delivery = secret.delivery(secrets.cli());
        delivery.checkBeforeWrite();
        ApiAnswer added;
        try {
            added = secrets.api().send("POST", ClientsCommand.path(clientId) + "/secrets",
                    expiresAt == null ? Noun.object() : Noun.object().put("expiresAt", expiresAt));
        } catch (ServiceRefusal refusal) {
            if (refusal.isProblem("secondary-secret-exists")) {
                return Optional.empty();
            }
            throw refusal;
        }
        delivery.deliver(added, List.of());
        return Optional.of(ClientSecrets.of(added.json().path("client")));
    }

    /** The read model follows writes within moments; a run straight after another may have to wait for it. */
    private ClientSecrets withSecondary() {
        ClientSecrets state = secrets.current(clientId);
        for (int attempt = 0; state.secondary().isEmpty() && attempt < 50; attempt++) {
            sleep(Duration.ofMillis(100));
            state = secrets.current(clientId);
        }
        return state;
    }

    /** Stage 2; null when the run stops here. */
    private ClientSecrets promote(ClientSecrets state) {
        show(state);
        if (await) {
            state = waitFor(state, current -> current.secondary().map(s -> s.path("lastUsedAt").isTextual())
                    .orElse(true), "waiting for the new secret's first use");
        }
        boolean used = state.secondary().map(s -> s.path("lastUsedAt").isTextual()).orElse(false);
        if (!promote && !confirm("Promote the new secret now?")) {
            guide("stage 2 of 3: the new secret " + (used ? "is in use" : "has not been used yet") + "; once every"
                    + " machine has it, run: " + nextStage("--promote"));
            return null;
        }
        if (!used) {
            printer().warning("promoting a secret that has not been used yet: the old one keeps working as"
                    + " SECONDARY until it is deleted");
        }
        ApiAnswer promoted = secrets.api().send("POST", ClientsCommand.path(clientId) + "/secrets/"
                + Noun.segment(state.secondaryId()) + "/promote", null);
        printer().answer(promoted, List.of());
        ClientSecrets after = ClientSecrets.of(promoted.json());
        if (!deleteOld && !await) {
            guide("stage 2 of 3 done: the new secret is PRIMARY. When no machine uses the old one any more (its"
                    + " lastUsedAt stops moving), run: " + nextStage("--delete-old"));
            return null;
        }
        return after;
    }

    /**
     * The command that runs the next stage, to be copied as printed: its flag before the client id, and the id after
     * {@code --} when it begins with {@code -} (one in 64 ids does), which would otherwise read as an option.
     */
    private String nextStage(String flag) {
        return "keyledger secrets rotate-staged " + flag + (clientId.startsWith("-") ? " -- " : " ") + clientId;
    }

    /** Stage 3: the old secret is SECONDARY; it goes once the service's recent-use guard allows. */
    private void retire(ClientSecrets state) {
        if (state.secondary().isEmpty()) {
            guide("the rotation is complete: client " + clientId + " has one secret");
            return;
        }
        show(state);
        if (!deleteOld && !confirm("Delete the old secret now?")) {
            guide("stage 3 of 3: when the old secret is no longer used, run: " + nextStage("--delete-old"));
            return;
        }
        String oldId = state.secondaryId();
        while (true) {
            try {
                printer().answer(secrets.deleteSecret(clientId, oldId, force), List.of());
                guide("the rotation is complete: the old secret is deleted");
                return;
            } catch (SecretInUse inUse) {
                if (!await) {
                    throw inUse;
                }
                printer().info("the old secret is still in use (" + ClientSecrets.describe(
                        secrets.current(clientId).secondary().orElseThrow()) + "); waiting");
                pause();
            }
        }
    }

    private ClientSecrets waitFor(ClientSecrets state, Predicate<ClientSecrets> done,
                                  String what) {
        while (!done.test(state)) {
            printer().info(what + ": " + summary(state));
            pause();
            state = secrets.current(clientId);
        }
        return state;
    }

    private void pause() {
        if (System.nanoTime() > deadline) {
            throw CliFailure.refused("gave up waiting after " + timeout + " s; run the command again to continue");
        }
        sleep(seconds(interval));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.refused("interrupted; run the command again to continue");
        }
    }

    private void show(ClientSecrets state) {
        printer().info(summary(state));
    }

    private static String summary(ClientSecrets state) {
        StringBuilder text = new StringBuilder();
        for (JsonNode secret : state.client().path("secrets")) {
            text.append(text.length() == 0 ? "" : "; ").append(ClientSecrets.describe(secret));
        }
        return text.toString();
    }

    /** Only a person at a terminal is asked; a script says what it wants with flags. */
    private boolean confirm(String question) {
        CliEnvironment environment = secrets.cli().environment();
        if (environment.console() == null || printer().quiet()) {
            return false;
        }
        String answer = environment.console().readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private void guide(String message) {
        printer().info(message);
    }

    private Printer printer() {
        return secrets.printer();
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis((long) (value * 1000));
    }
}
