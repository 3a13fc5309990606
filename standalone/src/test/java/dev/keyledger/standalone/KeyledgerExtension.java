package dev.keyledger.standalone;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Starts one standalone service per distinct {@link KeyledgerService#properties()} in the test JVM and hands it to
 * every class that asks for the same; the root context's store closes it when the JVM's tests are done. A start costs
 * seconds (Spring, Axon, an embedded PostgreSQL unpacked into a new data folder), so sharing is what keeps the suite
 * fast; fresh data per test comes from unique names instead of a fresh database.
 */
final class KeyledgerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeyledgerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningKeyledger.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        KeyledgerService service = AnnotationSupport.findAnnotation(testClass, KeyledgerService.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        testClass + " is not annotated with @KeyledgerService"));
        List<String> properties = List.of(service.properties());
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(properties, SharedService::start, SharedService.class)
                .keyledger();
    }

    /** A shared service and its data folder, both gone when the root context closes. */
    private record SharedService(RunningKeyledger keyledger, Path dataDir)
            implements ExtensionContext.Store.CloseableResource {

        static SharedService start(List<String> properties) {
            try {
                Path dataDir = Files.createTempDirectory("keyledger-shared-");
                return new SharedService(RunningKeyledger.start(dataDir, properties.toArray(String[]::new)), dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            keyledger.close();
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}
