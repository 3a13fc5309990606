/** RFC 9068 access tokens: issuing (signing with the active key), verifying, revoking. */
package dev.keyledger.token.accesstoken;
