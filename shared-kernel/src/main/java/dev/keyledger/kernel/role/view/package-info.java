/** The HTTP representation of a role that both sides answer with. */
package dev.keyledger.kernel.role.view;
