/**
 * The public HTTP API as the CLI calls it: the token endpoint (client_secret_basic), the admin API with a cached
 * bearer token, and the mapping of every failure to the exit code a script can act on.
 */
package dev.keyledger.cli.http;
