/**
 * The {@code keyledger} command line: its root command, the environment it runs in (injectable, so tests run it
 * in-process), and how failures become exit codes. It speaks only the public HTTP API, never to the database.
 */
package dev.keyledger.cli;
