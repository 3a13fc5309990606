/**
 * The signing keys of allow-listed external issuers (workload identity federation): found by OIDC discovery or at a
 * JWK Set the operator named, fetched off the signing turns with bounded timeouts, cached, refreshed on an unknown
 * {@code kid} at a bounded rate, and used stale while the issuer is away, up to a limit.
 */
package dev.keyledger.token.federation;
