/** The client aggregate: a machine's credentials, roles and status, and every rule about them. */
package dev.keyledger.command.client;
