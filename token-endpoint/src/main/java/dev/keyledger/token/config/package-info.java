/** Spring wiring and settings of the token endpoint; no protocol logic. */
package dev.keyledger.token.config;
