/**
 * The published language of roles: the stream id a role's events are stored under, and its commands, events and
 * views in the subpackages. Role names are values of their own, shared with the client's assignments.
 */
package dev.keyledger.kernel.role;
