/** Rebuilding a projection from the event store while the service runs, and its status. */
package dev.keyledger.query.replay;
