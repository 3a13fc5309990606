package dev.keyledger.command.testing;

import dev.keyledger.command.refusal.Refusal;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.function.Consumer;

/** Matchers for Axon's test fixtures, so that a test names the outcome it expects rather than how to compare it. */
public final class FixtureMatchers {

    private FixtureMatchers() {
    }

    /** The refusal of the given type with the given reason slug. */
    public static Matcher<Object> refusal(Class<? extends Refusal> type, String reason) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && reason.equals(((Refusal) actual).reason());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with reason " + reason);
            }
        };
    }

    /**
     * A value of the given type that passes the given AssertJ assertions. A failing assertion is rethrown as it is,
     * so the test reports AssertJ's explanation rather than a bare "did not match".
     */
    public static <T> Matcher<Object> satisfying(Class<T> type, Consumer<? super T> requirements) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                if (!type.isInstance(actual)) {
                    return false;
                }
                requirements.accept(type.cast(actual));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " that satisfies the test's assertions");
            }
        };
    }
}
