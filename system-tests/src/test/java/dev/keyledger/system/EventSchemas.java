package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schema of each CloudEvent type, as the query side ships them, with formats asserted. */
final class EventSchemas {

    private static final String TYPE_PREFIX = "dev.keyledger.";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** What is wrong with the event, as the schema of its type sees it; empty when it validates. */
    static List<String> violations(JsonNode cloudEvent) {
        String type = cloudEvent.path("type").asText();
        if (!type.startsWith(TYPE_PREFIX)) {
            return List.of(cloudEvent.path("id").asText() + ": type " + type + " is not Keyledger's");
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(type.substring(TYPE_PREFIX.length()), EventSchemas::load);
        if (schema == null) {
            return List.of(cloudEvent.path("id").asText() + ": no schema for " + type);
        }
        return schema.validate(cloudEvent).stream()
                .map(message -> cloudEvent.path("id").asText() + ": " + message.getMessage()).toList();
    }

    private static JsonSchema load(String versionedType) {
        try (InputStream in = EventSchemas.class.getClassLoader()
                .getResourceAsStream("schemas/cloudevents/" + versionedType + ".schema.json")) {
            return in == null ? null : FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
