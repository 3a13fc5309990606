package dev.keyledger.cli.commands;

import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.ExitCodes;

/** The service's recent-use guard refused to delete a secret: machines may still depend on it. */
final class SecretInUse extends CliFailure {

    SecretInUse(String problem) {
        super(ExitCodes.REFUSED, problem + "\nmachines may still be using this secret: wait until it is unused, or add"
                + " --force to delete it anyway");
    }
}
