package dev.keyledger.query.web;

/**
 * An export failed after part of it was sent. It must reach the servlet container, which then closes the connection
 * without the final chunk, so that the client sees a broken transfer rather than a shorter file that looks complete
 * (docs/DECISIONS.md 62).
 */
class ExportInterrupted extends RuntimeException {

    ExportInterrupted(long sent, RuntimeException cause) {
        this("audit export", sent + " entries", cause);
    }

    ExportInterrupted(String export, RuntimeException cause) {
        this(export, "part of it", cause);
    }

    private ExportInterrupted(String export, String sent, RuntimeException cause) {
        super(export + " interrupted after " + sent + ": " + cause.getMessage(), cause);
    }
}
