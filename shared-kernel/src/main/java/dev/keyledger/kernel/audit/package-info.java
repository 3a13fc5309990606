/** What every audit consumer relies on: stable wire names and the metadata keys of events. */
package dev.keyledger.kernel.audit;
