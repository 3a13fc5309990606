/**
 * The client's published language: its status and the value objects of its settings, which validate themselves so
 * that a command can only carry a name, description, token lifetime or audience the admin API would accept.
 */
package dev.keyledger.kernel.client;
