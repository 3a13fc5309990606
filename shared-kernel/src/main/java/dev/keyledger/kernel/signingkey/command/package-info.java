/** Commands on the signing-key aggregate, whose stream is {@code signing-key:<kid>}. */
package dev.keyledger.kernel.signingkey.command;
