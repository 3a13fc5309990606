/**
 * The client view: the projection of a client's events into {@code query_client}, with the kernel's
 * {@code ClientFold} (the same fold the aggregate uses), and the reads behind {@code GET /api/v1/clients}. Secret
 * hashes may sit in rows here; they never leave in an answer.
 */
package dev.keyledger.query.client;
