/** Spring and Axon wiring of the command side; no domain logic. */
package dev.keyledger.command.config;
