package dev.keyledger.query.audit;

import java.util.List;

/** One page of the global audit feed; {@code next} is the cursor for the following page, {@code null} at the end. */
public record AuditPage(List<AuditEntry> items, Long next) {
}
