/**
 * Events of the client aggregate: past-tense names, each with a revision. Events are forever: a change of shape
 * needs an upcaster and a test that reads the old shape. No event holds a plaintext secret.
 */
package dev.keyledger.kernel.client.event;
