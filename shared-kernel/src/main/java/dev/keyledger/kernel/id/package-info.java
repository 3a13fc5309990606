/**
 * The ids of the published language: a client's id, a secret's id and a role's name, each validating itself on
 * construction so that an invalid one cannot exist in a command or an event. Secrets and permissions are values of
 * their own ({@code kernel.secret}, {@code kernel.permission}), not ids.
 */
package dev.keyledger.kernel.id;
