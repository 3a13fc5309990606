/**
 * Permissions as roles grant them and tokens carry them ({@code resource:action}), validated on construction so that
 * an invalid one cannot exist in a command, an event or a token's scope.
 */
package dev.keyledger.kernel.permission;
