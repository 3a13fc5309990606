package dev.keyledger.command.config;

import dev.keyledger.kernel.audit.AuditMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAuditMetadataTest {

    private final CommandAuditMetadata provider = new CommandAuditMetadata();

    @Test
    void whenACommandIsHandled_thenItsEventsInheritTheAuditKeysAndNothingElse() {
        MetaData metaData = MetaData.from(Map.of(AuditMetadata.ACTOR, "admin-1", AuditMetadata.CORRELATION_ID, "req-9",
                AuditMetadata.SOURCE_ADDRESS, "10.0.0.7", "other", "not inherited"));

        Map<String, ?> inherited = provider.correlationDataFor(new GenericCommandMessage<>("disable", metaData));

        assertThat(inherited).isEqualTo(Map.of(AuditMetadata.ACTOR, "admin-1", AuditMetadata.CORRELATION_ID, "req-9",
                AuditMetadata.SOURCE_ADDRESS, "10.0.0.7"));
    }

    @Test
    void whenAnEventIsHandled_thenItsStoredMetadataIsNotRead() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        // Metadata that does not read as JSON: deserializing it would throw.
        SerializedMessage<Object> event = new SerializedMessage<>("event-1",
                serializer.serialize("payload", byte[].class),
                new SimpleSerializedObject<>("not json".getBytes(StandardCharsets.UTF_8), byte[].class,
                        MetaData.class.getName(), null),
                serializer);

        assertThat(provider.correlationDataFor(event)).isEmpty();
        assertThat(provider.correlationDataFor(new GenericEventMessage<>("payload",
                Map.of(AuditMetadata.ACTOR, "admin-1")))).isEmpty();
    }
}
