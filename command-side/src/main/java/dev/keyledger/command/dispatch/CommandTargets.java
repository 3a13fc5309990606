package dev.keyledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Which aggregate a command is for: the accessor its record marks {@link TargetAggregateIdentifier}, looked up once
 * per command type. Axon's {@link AnnotationCommandTargetResolver} finds the same member by walking the type's
 * methods and fields again for every command, about a twentieth of an admin command's time on its thread
 * (docs/DECISIONS.md 148). A command that is not a record, has no such accessor, names no target or carries a
 * {@link TargetAggregateVersion} goes to Axon's resolver, which answers it (or refuses it) as before.
 */
public final class CommandTargets implements CommandTargetResolver {

    /** The bean's name, which each aggregate's {@code @Aggregate(commandTargetResolver = ...)} refers to. */
    public static final String BEAN = "commandTargets";

    private static final MethodType ANY_TO_ANY = MethodType.methodType(Object.class, Object.class);

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
    private final ClassValue<Optional<MethodHandle>> targets = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            return targetOf(type);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Optional<MethodHandle> target = payload == null ? Optional.empty() : targets.get(payload.getClass());
        Object identifier = target.isEmpty() ? null : identifierOf(target.get(), payload);
        return identifier == null
                ? annotations.resolveTarget(command)
                : new VersionedAggregateIdentifier(identifier, null);
    }

    /** Whether commands of {@code type} are resolved here, without Axon's reflection. */
    boolean readsTargetOf(Class<?> type) {
        return targets.get(type).isPresent();
    }

    /** The one public accessor of a record that is marked as its target, when it has one and no version. */
    private static Optional<MethodHandle> targetOf(Class<?> type) {
        if (!type.isRecord() || !marked(type, TargetAggregateVersion.class).isEmpty()) {
            return Optional.empty();
        }
        List<Method> targets = marked(type, TargetAggregateIdentifier.class);
        return targets.size() == 1 ? handleOf(targets.get(0)) : Optional.empty();
    }

    /**
     * The methods without parameters that carry {@code annotation}, found as Axon's resolver finds them (the type's
     * own, its interfaces' and its supertypes', meta-annotations included). A record's components are fields and
     * accessors at once, and both of Axon's annotations may sit on methods, so a marked component is a marked
     * accessor.
     */
    private static List<Method> marked(Class<?> type, Class<? extends Annotation> annotation) {
        return StreamSupport.stream(ReflectionUtils.methodsOf(type).spliterator(), false)
                .filter(method -> method.getParameterCount() == 0
                        && AnnotationUtils.isAnnotationPresent(method, annotation))
                .toList();
    }

    /** Nothing for a record that is not public, which Axon's resolver reads by making its members accessible. */
    private static Optional<MethodHandle> handleOf(Method accessor) {
        try {
            return Optional.of(MethodHandles.publicLookup().unreflect(accessor).asType(ANY_TO_ANY));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    private static Object identifierOf(MethodHandle accessor, Object payload) {
        try {
            return (Object) accessor.invokeExact(payload);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
