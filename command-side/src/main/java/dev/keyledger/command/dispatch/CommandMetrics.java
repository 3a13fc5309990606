package dev.keyledger.command.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code keyledger_commands_total{command,outcome}} and {@code keyledger_command_seconds{command}}; the command label
 * is the command's class name (a closed set: the kernel's commands), never anything a caller chose.
 */
@Component
class CommandMetrics {

    private final MeterRegistry registry;
    private final Map<Class<?>, Meters> byCommand = new ConcurrentHashMap<>();

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Class<?> command, CommandOutcome outcome, long nanos) {
        Meters meters = byCommand.computeIfAbsent(command, this::metersOf);
        meters.outcomes()[outcome.ordinal()].increment();
        meters.duration().record(nanos, TimeUnit.NANOSECONDS);
    }

    private Meters metersOf(Class<?> command) {
        String name = command.getSimpleName();
        CommandOutcome[] outcomes = CommandOutcome.values();
        Counter[] counters = new Counter[outcomes.length];
        for (CommandOutcome outcome : outcomes) {
            counters[outcome.ordinal()] = Counter.builder("keyledger.commands")
                    .description("Commands handled, by command and outcome")
                    .tags("command", name, "outcome", outcome.label())
                    .register(registry);
        }
        Timer duration = Timer.builder("keyledger.command")
                .description("Time to handle a command, from dispatch to its result")
                .tag("command", name)
                .register(registry);
        return new Meters(counters, duration);
    }

    private record Meters(Counter[] outcomes, Timer duration) {
    }
}
