/** The HTTP representations of a client that both sides answer with, so that writes and reads cannot drift apart. */
package dev.keyledger.kernel.client.view;
