package dev.keyledger.standalone;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class runs against a standalone service shared with every other class of the same {@link #properties()}:
 * a {@link RunningKeyledger} parameter of a test, {@code @BeforeAll} or {@code @BeforeEach} method receives it. The
 * service's data outlives the class, so a test must create its own clients and roles under unique names
 * ({@link UniqueNames}) and count only what it wrote. Tests that restart the service, look at its data folder or its
 * database, or change what the whole service does keep a service of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeyledgerExtension.class)
@interface KeyledgerService {

    /** Properties of the service, as for {@link RunningKeyledger#start}; classes with equal lists share one. */
    String[] properties() default {};
}
