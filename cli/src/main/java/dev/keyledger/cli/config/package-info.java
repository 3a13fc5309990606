/**
 * Where the CLI keeps what outlives one command: named profiles with their credentials and the cached access tokens,
 * both in owner-only files of an owner-only folder. Never a secret the service shows once (those go to the user).
 */
package dev.keyledger.cli.config;
