package dev.keyledger.infrastructure.logging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code KEYLEDGER_LOG_FORMAT} ({@code keyledger.log.format}): {@code plain} (the default) or {@code json}, mapped
 * onto Spring Boot's structured console logging ({@code json} is Elastic Common Schema; {@code ecs} and
 * {@code logstash} name Spring's formats directly). JSON lines have no banner before them. Spring's own
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, when set, wins: Spring's names work for everything (API.md §4).
 * An unknown value stops the start rather than logging in a format nobody asked for.
 */
public final class LogFormatSetting implements EnvironmentPostProcessor {

    static final String PROPERTY = "keyledger.log.format";
    private static final String SPRING_CONSOLE_FORMAT = "logging.structured.format.console";
    private static final Map<String, String> SPRING_FORMATS = Map.of("json", "ecs", "ecs", "ecs",
            "logstash", "logstash");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "plain").trim().toLowerCase(Locale.ROOT);
        if (format.isEmpty() || format.equals("plain")) {
            return;
        }
        String springFormat = SPRING_FORMATS.get(format);
        if (springFormat == null) {
            throw new IllegalStateException("KEYLEDGER_LOG_FORMAT (" + PROPERTY + ") is '" + format
                    + "': it is plain, json, ecs or logstash");
        }
        Map<String, Object> settings = environment.containsProperty(SPRING_CONSOLE_FORMAT)
                ? Map.of("spring.main.banner-mode", "off")
                : Map.of(SPRING_CONSOLE_FORMAT, springFormat, "spring.main.banner-mode", "off");
        environment.getPropertySources().addLast(new MapPropertySource("keyledgerLogFormat", settings));
    }
}
