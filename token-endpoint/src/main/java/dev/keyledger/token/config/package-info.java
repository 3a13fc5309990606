/** Spring wiring of the token endpoint: its key-encryption key and its schedules; no OAuth logic. */
package dev.keyledger.token.config;
