package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of the credential-events topic as a consumer sees it.
 *
 * @param contentType the record's {@code content-type} header
 * @param raw         the value as it was on the wire, to search for anything that must never be there
 */
record PublishedEvent(int partition, long offset, String key, String contentType, JsonNode cloudEvent, String raw) {

    String id() {
        return cloudEvent.path("id").asText();
    }
}
