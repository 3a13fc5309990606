package dev.keyledger.standalone;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs one benchmark's main class and ends the JVM when it returns ({@code scripts/bench}): Axon's embedded event
 * store leaves a non-daemon janitor thread behind after its Spring context has closed, which would keep the JVM
 * (and the script) waiting forever once the figures are printed.
 */
public final class BenchmarkLauncher {

    private BenchmarkLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        Class<?> benchmark = Class.forName(args[0]);
        try {
            benchmark.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        System.exit(0);
    }
}
