package dev.keyledger.query.console;

import org.springframework.http.MediaType;

/** One file of the console, read once at start: its bytes, what they are, and a tag that changes with them. */
record ConsoleAsset(String name, byte[] content, MediaType mediaType, String entityTag) {
}
