package dev.keyledger.command.web;

/**
 * The body of a write that takes none, checked to name no field: nothing a caller sends is silently ignored. As a
 * handler parameter it is checked in its place among the others.
 */
record EmptyBody() {
}
