package dev.keyledger.query.config;

/** This query-side node's identity among the nodes that share the projections' segments. */
public record QueryNode(String id) {
}
