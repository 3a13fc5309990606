package dev.keyledger.query.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schemas of the CloudEvents, as the repository holds them, with formats asserted. */
final class CloudEventSchemas {

    static final String FOLDER = "schemas/cloudevents/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private CloudEventSchemas() {
    }

    static String fileOf(String wireName) {
        return wireName + ".v1.schema.json";
    }

    /** What is wrong with the event, as the schema of its wire type sees it; empty when it validates. */
    static List<String> violations(String wireName, JsonNode event) {
        try (InputStream schema = CloudEventSchemas.class.getClassLoader()
                .getResourceAsStream(FOLDER + fileOf(wireName))) {
            if (schema == null) {
                return List.of("no schema for " + wireName);
            }
            JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
            return compiled.validate(event).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
