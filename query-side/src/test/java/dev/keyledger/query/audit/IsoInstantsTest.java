package dev.keyledger.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void whenInstantsOfEveryPrecisionAndRangeArePrinted_thenTheTextIsInstantToString() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-100_000_000_000L, 400_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertThat(IsoInstants.print(instant)).isEqualTo(instant.toString());
        }
        assertThat(IsoInstants.print(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00Z");
        assertThat(IsoInstants.print(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
    }

    @Test
    void whenAxonsStoredTimeStampsAreParsed_thenTheInstantIsAxons() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 300_000_000_000L),
                    random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(IsoInstants.parseStored(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String other : new String[]{"2026-12-05T01:02:03Z", "2026-12-05T01:02:03.123456Z",
                "2026-12-05T01:02:03.123+02:00", "+12026-12-05T01:02:03.123Z", "2024-02-29T00:00:00.000Z"}) {
            assertThat(IsoInstants.parseStored(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void whenAStoredTimeStampIsNoDate_thenItIsRefusedAsAxonRefusesIt() {
        for (String wrong : new String[]{"2026-02-30T01:02:03.456Z", "2026-13-05T01:02:03.456Z",
                "2026-12-05T24:02:03.456Z", "2026-12-05T01:60:03.456Z", "2026-1a-05T01:02:03.456Z",
                "2025-02-29T00:00:00.000Z"}) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(wrong)).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> IsoInstants.parseStored(wrong)).as(wrong)
                    .isInstanceOf(DateTimeException.class);
        }
    }
}
