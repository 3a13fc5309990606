/** Events of the role aggregate, each with a revision. */
package dev.keyledger.kernel.role.event;
