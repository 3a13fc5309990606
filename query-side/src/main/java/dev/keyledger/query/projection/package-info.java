/**
 * What the projections of the read model share: their processing group, the lock that orders role changes against
 * client changes, the effective-permission computation and the SQL value conversions.
 */
package dev.keyledger.query.projection;
