/**
 * The HTTP edge every service shares: non-canonical request paths refused before routing, and the container's own
 * refusals in the services' formats. Nothing here knows a route of any side.
 */
package dev.keyledger.infrastructure.web;
