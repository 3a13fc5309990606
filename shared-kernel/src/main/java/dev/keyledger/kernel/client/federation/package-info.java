/**
 * Workload identity federation: a client trusts tokens that an allow-listed external issuer (a Kubernetes cluster,
 * GitHub Actions, a SPIFFE trust domain) gives to one workload, named by issuer, subject and audiences. No secret exists.
 */
package dev.keyledger.kernel.client.federation;
