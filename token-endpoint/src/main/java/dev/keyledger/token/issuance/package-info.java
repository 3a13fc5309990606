/**
 * The token issuance log: every issued token and every failed or throttled attempt, written off the hot path in
 * batches that no single record can stop, into daily partitions dropped after the retention period. Each secret's
 * {@code lastUsedAt} is kept beside it, outside the partitions.
 */
package dev.keyledger.token.issuance;
