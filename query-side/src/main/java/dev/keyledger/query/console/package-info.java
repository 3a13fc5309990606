/**
 * The web console's static files (API.md §5 "/console/"): served from a fixed list built into the jar, never by a
 * path looked up on the file system or the classpath. Nothing here reads a token: the page signs in itself through
 * /oauth2/token and calls the admin API like any other client.
 */
package dev.keyledger.query.console;
