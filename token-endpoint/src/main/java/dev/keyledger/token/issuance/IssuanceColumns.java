package dev.keyledger.token.issuance;

import java.util.List;

/**
 * Fits a record to the issuance log's columns before it is written, so that no value PostgreSQL would refuse reaches
 * it: strings are cut to their column's length (in characters, as {@code VARCHAR(n)} counts them) and NUL characters,
 * which PostgreSQL's text types cannot hold, are replaced. A missing source address is written as {@code unknown}.
 * The sizes are those of {@code db/token}'s migrations.
 */
final class IssuanceColumns {

    static final String UNKNOWN_ADDRESS = "unknown";

    private IssuanceColumns() {
    }

    static IssuanceRecord fit(IssuanceRecord record) {
        return new IssuanceRecord(
                record.at(),
                cut(record.clientId(), 128),
                record.outcome(),
                cut(record.jti(), 64),
                cut(record.secretId(), 64),
                record.slot(),
                cut(record.keyId(), 64),
                cut(record.federatedCredentialId(), 64),
                cut(record.scope(), Integer.MAX_VALUE),
                record.audience() == null ? null : fitAudience(record.audience()),
                record.sourceAddress() == null ? UNKNOWN_ADDRESS : cut(record.sourceAddress(), 64),
                cut(record.reason(), 64));
    }

    private static List<String> fitAudience(List<String> audience) {
        return audience.stream().map(value -> cut(value, Integer.MAX_VALUE)).toList();
    }

    static String cut(String value, int maxCharacters) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
        if (clean.length() <= maxCharacters || clean.codePointCount(0, clean.length()) <= maxCharacters) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, maxCharacters));
    }
}
