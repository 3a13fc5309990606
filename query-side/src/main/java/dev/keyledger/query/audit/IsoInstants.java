package dev.keyledger.query.audit;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from ISO-8601 text without a {@code DateTimeFormatter} for the one shape that nearly every value
 * has: Axon's stored time stamps and the API's {@code occurredAt} take most of an export's time through the general
 * formatters. Any other shape goes through them, so the results are always theirs.
 */
final class IsoInstants {

    /** Axon's stored form: {@code 2026-12-05T01:02:03.456Z}. */
    private static final int STORED_LENGTH = 24;
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;

    private IsoInstants() {
    }

    /** The instant of a time stamp as Axon stores it; equal to {@link DateTimeUtils#parseInstant}'s. */
    static Instant parseStored(String text) {
        if (text.length() == STORED_LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // Out of range: the general parser says why.
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** {@code instant.toString()}: ISO-8601 in UTC with 0, 3, 6 or 9 fraction digits, as the API writes instants. */
    static String print(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > LAST_FOUR_DIGIT_YEAR) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        char[] text = new char[20 + (nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 4 : nanos % 1_000 == 0 ? 7 : 10)];
        put(text, 0, time.getYear(), 4);
        text[4] = '-';
        put(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, time.getHour(), 2);
        text[13] = ':';
        put(text, 14, time.getMinute(), 2);
        text[16] = ':';
        put(text, 17, time.getSecond(), 2);
        if (nanos != 0) {
            text[19] = '.';
            int digits = text.length - 21;
            put(text, 20, nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1), digits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** The decimal number of {@code count} ASCII digits from {@code start}, or -1 where one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] text, int start, int value, int count) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
