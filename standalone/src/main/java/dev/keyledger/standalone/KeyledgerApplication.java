package dev.keyledger.standalone;

import dev.keyledger.infrastructure.boot.KeyledgerDefaults;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Keyledger in one JVM: command side, query side and token endpoint on one (by default embedded) PostgreSQL. The
 * separate services' own wiring ({@code dev.keyledger.<side>.app}) is left out: in one JVM the sides meet
 * directly, without asking each other over HTTP.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "dev.keyledger", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.keyledger\\.[a-z]+\\.app\\..*")})
public class KeyledgerApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The standalone service with Keyledger's defaults, below everything a user configures. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(KeyledgerApplication.class)
                .properties(KeyledgerDefaults.forService("keyledger"));
    }
}
