package dev.keyledger.command.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.keyledger.kernel.client.view.ClientView;

/** The answer to a registration: the client, plus its primary secret in plaintext, shown this once. */
record RegisteredClient(@JsonUnwrapped ClientView client, String clientSecret) {
}
