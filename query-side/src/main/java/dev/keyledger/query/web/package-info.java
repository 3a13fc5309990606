/**
 * The query side's HTTP API: the admin reads of clients and roles, the audit trail, chain verification, projection
 * replay and republishing history to Kafka. Every bad input is a 4xx problem+json naming what is wrong; no answer
 * holds a secret or hash.
 */
package dev.keyledger.query.web;
