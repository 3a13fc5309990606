/**
 * The client view: the fold of a client's events, its projection into {@code query_client} and the reads behind
 * {@code GET /api/v1/clients}. Secret hashes may sit in rows here; they never leave in an answer.
 */
package dev.keyledger.query.client;
