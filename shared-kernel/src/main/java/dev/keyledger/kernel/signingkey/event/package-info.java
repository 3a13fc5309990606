/** Events of the signing-key aggregate, each with a revision. None carries private key material. */
package dev.keyledger.kernel.signingkey.event;
