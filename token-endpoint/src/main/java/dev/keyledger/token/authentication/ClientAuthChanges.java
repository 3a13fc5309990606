package dev.keyledger.token.authentication;

import java.util.List;

/**
 * One read of the client auth view, taken in one snapshot.
 *
 * @param rows        the rows written by transactions that the previous read's snapshot did not see (and perhaps
 *                    some it did: they are merged by revision)
 * @param nextHorizon the lowest transaction id still running when this read's snapshot was taken: every transaction
 *                    this read did not see has an id at or above it, so the next read starts there
 */
record ClientAuthChanges(List<ClientAuthEntry> rows, long nextHorizon) {
}
