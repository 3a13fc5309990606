/**
 * The attacker's tools the hostile tests of every module share (published as this module's test jar): requests
 * written byte by byte, and the other spellings of a path.
 */
package dev.keyledger.infrastructure.hostile;
