/**
 * How the read model's projectors are run, not what they project (that lives in {@code query.client} and
 * {@code query.role}): their processing group, the event source that PostgreSQL's append notifications wake, the
 * lock that orders role changes against client changes, and the SQL value conversions and driver preparations
 * ({@code PreparedStatements}) the query side's stores share.
 */
package dev.keyledger.query.processing;
