/** Test support: a real PostgreSQL with the token endpoint's tables, for the tests of its stores. */
package dev.keyledger.token.testing;
