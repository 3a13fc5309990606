/** Sending commands with their audit metadata (actor, correlation id, source address). */
package dev.keyledger.command.dispatch;
