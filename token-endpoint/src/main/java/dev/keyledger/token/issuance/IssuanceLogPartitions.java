package dev.keyledger.token.issuance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuance log's daily partitions (UTC days, docs/DECISIONS.md 52): made a week ahead, on start and every hour, and
 * dropped once their whole day is older than the retention period ({@code keyledger.issuance-log.retention},
 * {@code KEYLEDGER_ISSUANCE_LOG_RETENTION}, default {@code P90D}). Each secret's {@code lastUsedAt} lives in
 * {@code token_secret_usage}, which no drop touches.
 *
 * <p>Every token-endpoint node runs this. Changes are made under one transaction-scoped advisory lock, with
 * {@code IF NOT EXISTS} and {@code IF EXISTS}: the scheduled run skips its turn while another node holds the lock
 * (that node does the same work), the writer waits for it when it needs a day's partition at once. A run that cannot
 * get the table's lock within a few seconds (a long read of the log) gives up and comes again, rather than queueing
 * the writer's inserts behind it.
 */
@Component
public class IssuanceLogPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(IssuanceLogPartitions.class);
    /** An arbitrary constant that no other advisory lock of Keyledger uses ("KLISLG"). */
    private static final long LOCK_KEY = 0x4b4c_4953_4c47L;
    private static final int DAYS_AHEAD = 7;
    private static final String PREFIX = "token_issuance_log_p";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{8})");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration retention;
    /** Days whose partition this node has made or seen made: the writer asks the database only about others. */
    private final Set<LocalDate> present = ConcurrentHashMap.newKeySet();

    IssuanceLogPartitions(JdbcTemplate jdbc, TransactionTemplate transaction,
                          @Value("${keyledger.issuance-log.retention:P90D}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("keyledger.issuance-log.retention must be a positive ISO-8601 duration"
                    + " such as P90D");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.retention = retention;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${keyledger.issuance-log.maintenance-interval:PT1H}")
    public void maintain() {
        maintain(Instant.now());
    }

    /** Makes the partitions of the coming days and drops those past the retention; false when another node is at it. */
    boolean maintain(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> coming = new ArrayList<>();
        for (int ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
            coming.add(today.plusDays(ahead));
        }
        List<LocalDate> dropped = new ArrayList<>();
        Boolean done = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    LOCK_KEY))) {
                return false;
            }
            jdbc.execute("SET LOCAL lock_timeout = '5s'");
            coming.forEach(this::create);
            for (LocalDate day : existingDays()) {
                if (!isKept(day, now)) {
                    jdbc.execute("DROP TABLE IF EXISTS " + name(day));
                    dropped.add(day);
                }
            }
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            return false;
        }
        present.addAll(coming);
        present.removeAll(dropped);
        dropped.forEach(day -> LOG.info("issuance log: dropped the records of {} (retention {})", day, retention));
        return true;
    }

    /**
     * Makes sure the days of these records have their partition, before the writer inserts them. Days past the
     * retention get none: their records have no place to go, and are set aside by the writer.
     */
    void ensureFor(Collection<IssuanceRecord> records, Instant now) {
        List<LocalDate> missing = new ArrayList<>();
        for (IssuanceRecord record : records) {
            if (record.at() == null) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(record.at(), ZoneOffset.UTC);
            if (!present.contains(day) && !missing.contains(day) && isKept(day, now)) {
                missing.add(day);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            jdbc.execute("SET LOCAL lock_timeout = '5s'");
            missing.forEach(this::create);
        });
        present.addAll(missing);
    }

    /** Within a transaction that holds the lock; the name and bounds come from a date, never from input. */
    void create(LocalDate day) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF token_issuance_log FOR VALUES FROM ('"
                + start(day) + "') TO ('" + start(day.plusDays(1)) + "')");
    }

    List<LocalDate> existingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (String partition : jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'token_issuance_log'::regclass""", String.class)) {
            Matcher matcher = NAME.matcher(partition);
            if (matcher.matches()) {
                days.add(LocalDate.parse(matcher.group(1), SUFFIX));
            }
        }
        return days;
    }

    /** A day is kept while any moment of it is younger than the retention. */
    private boolean isKept(LocalDate day, Instant now) {
        return start(day.plusDays(1)).isAfter(now.minus(retention));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String name(LocalDate day) {
        return PREFIX + day.format(SUFFIX);
    }
}
