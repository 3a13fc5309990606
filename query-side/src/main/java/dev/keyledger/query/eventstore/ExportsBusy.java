package dev.keyledger.query.eventstore;

/** Every export slot is taken (docs/DECISIONS.md 62): 503, try again later. */
public class ExportsBusy extends RuntimeException {

    public ExportsBusy(String detail) {
        super(detail, null, false, false);
    }
}
