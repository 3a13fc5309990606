/** Commands on the role aggregate, whose identifier is the role name. */
package dev.keyledger.kernel.role.command;
