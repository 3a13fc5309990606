/** Several query-side nodes sharing the projections' segments: liveness and fair shares. */
package dev.keyledger.query.cluster;
