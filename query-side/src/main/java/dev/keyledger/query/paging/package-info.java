/** Paged lists of the admin read API. */
package dev.keyledger.query.paging;
