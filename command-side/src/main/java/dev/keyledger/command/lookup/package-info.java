/**
 * Command-side lookup tables for set-based rules (a role must exist to be assigned; a deleted role is taken from
 * its holders). Written only by the subscribing processor, read only by the command side.
 */
package dev.keyledger.command.lookup;
