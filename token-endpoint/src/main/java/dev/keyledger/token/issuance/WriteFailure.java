package dev.keyledger.token.issuance;

import java.sql.SQLException;

/**
 * Why a write of the issuance log failed, told by the SQLSTATE PostgreSQL gave: either the records themselves
 * (class 22, data exception: a value too long, a NUL, a time out of range; class 23, integrity: a missing value, a
 * time no partition holds; class 54, a limit exceeded), which no retry can fix, or anything else — a database that
 * is down, restarting, out of connections or disk, a deadlock, a timeout, a missing table — after which the same
 * records are tried again unchanged. When in doubt it is the database's fault: a record is never set aside because
 * PostgreSQL was unavailable.
 */
record WriteFailure(String sqlState) {

    static WriteFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return new WriteFailure(sql.getSQLState());
            }
        }
        return new WriteFailure(null);
    }

    boolean isTheRecords() {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23")
                || sqlState.startsWith("54"));
    }
}
