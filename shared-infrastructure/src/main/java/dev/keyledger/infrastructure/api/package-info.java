/**
 * What every side's admin API answers the same way once a request is routed: RFC 9457 problem documents with a stable
 * slug, the one answer to a database outage, ids taken from the path (an id that cannot exist is not found) and
 * versions as entity tags. Nothing here knows a route of any side.
 */
package dev.keyledger.infrastructure.api;
