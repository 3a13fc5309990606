package dev.keyledger.command.dispatch;

import org.axonframework.messaging.ResultMessage;

/** The payload of a unit of work's result, or the failure itself: never Axon's "payload is not available". */
public final class Results {

    private Results() {
    }

    public static <T> T payloadOf(ResultMessage<T> result) {
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return result.getPayload();
    }
}
