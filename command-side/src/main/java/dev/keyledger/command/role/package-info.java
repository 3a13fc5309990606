/** The role aggregate (a named permission set) and the deletion that takes a role from its holders. */
package dev.keyledger.command.role;
