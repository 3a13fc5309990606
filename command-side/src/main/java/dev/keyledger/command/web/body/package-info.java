/**
 * The request bodies of the admin writes as the OpenAPI document shows them. The handlers read bodies strictly by
 * hand ({@code JsonBody}: unknown, read-only and mistyped fields are named in a 400), so these records describe and
 * never bind; the standalone OpenApiDocumentTest checks real requests against them, so they cannot drift silently.
 */
package dev.keyledger.command.web.body;
