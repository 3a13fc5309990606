package dev.keyledger.infrastructure.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

/**
 * Says of every record answered what Jackson writes for it here ({@code default-property-inclusion=always}): each
 * component is always present, and one of a reference type may be {@code null} ("fields that do not apply are null",
 * API.md §2). Nested records and enums are left non-null: no answer leaves them out. A component that carries its own
 * {@code @Schema} or {@code @ArraySchema} (the request bodies) is described by that alone.
 */
final class RecordNullability implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static void describe(Class<?> record, Schema model) {
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = (Schema) model.getProperties().get(component.getName());
            if (property == null || describedByItself(component)) {
                continue; // unwrapped into its parent, not written at all, or annotated
            }
            if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                model.addRequiredItem(component.getName());
            }
            boolean nullable = !component.getType().isPrimitive() && property.get$ref() == null
                    && property.getEnum() == null && property.getTypes() != null;
            if (nullable) {
                property.addType("null");
            }
        }
    }

    private static boolean describedByItself(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)
                || component.getAccessor().isAnnotationPresent(ArraySchema.class);
    }
}
