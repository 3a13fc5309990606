/** Where client secrets are born. The plaintext leaves only in the answer to the caller who asked for it. */
package dev.keyledger.command.secret;
