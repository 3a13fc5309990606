/** How every Keyledger service starts: the default settings the standalone jar and the three services share. */
package dev.keyledger.infrastructure.boot;
