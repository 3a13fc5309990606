/** Commands on the client aggregate: imperative names, one record a file, the client id as routing key. */
package dev.keyledger.kernel.client.command;
