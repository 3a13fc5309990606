/**
 * The client auth view: per client, what the token endpoint needs to authenticate it and scope its token, in one
 * row found by primary key. The token endpoint reads it through its own repository; this package only writes it.
 */
package dev.keyledger.query.auth;
