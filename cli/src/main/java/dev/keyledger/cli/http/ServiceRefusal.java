package dev.keyledger.cli.http;

import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.ExitCodes;

/** The service answered and said no: exit 1 with its problem, or 4 when it did not accept who we are. */
public final class ServiceRefusal extends CliFailure {

    private final ApiAnswer answer;

    ServiceRefusal(int exitCode, ApiAnswer answer) {
        super(exitCode, ProblemText.of(answer));
        this.answer = answer;
    }

    static ServiceRefusal of(ApiAnswer answer) {
        return new ServiceRefusal(answer.status() == 401 ? ExitCodes.AUTHENTICATION : ExitCodes.REFUSED, answer);
    }

    public ApiAnswer answer() {
        return answer;
    }

    /** The problem's type ends with this name (types are URIs such as {@code .../problems/secret-recently-used}). */
    public boolean isProblem(String name) {
        String type = answer.json().path("type").asText("");
        return type.endsWith("/" + name) || type.equals(name);
    }
}
