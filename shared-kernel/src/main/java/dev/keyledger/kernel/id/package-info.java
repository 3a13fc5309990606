/**
 * Value objects that validate themselves on construction, so that an invalid id, name or permission cannot exist in
 * a command or an event. Nothing here holds a plaintext secret.
 */
package dev.keyledger.kernel.id;
