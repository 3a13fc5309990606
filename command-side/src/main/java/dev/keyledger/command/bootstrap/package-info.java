/** What the command side does once, on the first start with an empty store: the bootstrap admin client. */
package dev.keyledger.command.bootstrap;
