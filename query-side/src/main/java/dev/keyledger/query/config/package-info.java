/** Spring and Axon wiring of the query side: its schema, its processors, its token store. No domain logic. */
package dev.keyledger.query.config;
