/**
 * The published language shared by every side: commands, events, views, ids and value objects, one subpackage per
 * aggregate. Only what the messages themselves need lives here (Axon's message annotations, Jackson's annotations);
 * no HTTP, no database, no Spring: infrastructure the sides share belongs in shared-infrastructure.
 */
package dev.keyledger.kernel;
