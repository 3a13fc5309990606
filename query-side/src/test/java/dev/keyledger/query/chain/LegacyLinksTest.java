package dev.keyledger.query.chain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain rule as a plain function: every stored column counts, and the previous link counts. */
class LegacyLinksTest {

    private static StoredRow row(long index, String payload, String metadata) {
        return new StoredRow(index, "e-" + index, "c1", 0, "Client", "dev.Event", "1", "2026-11-29T10:00:00.000Z",
                payload.getBytes(StandardCharsets.UTF_8), metadata == null ? null : metadata.getBytes());
    }

    @Test
    void whenAnyPartOfAnEventChanges_thenItsLinkChanges() {
        byte[] original = LegacyLinks.next(LegacyLinks.GENESIS, row(1, "{\"a\":1}", "{}"));
        List<StoredRow> altered = List.of(row(2, "{\"a\":1}", "{}"), row(1, "{\"a\":2}", "{}"),
                row(1, "{\"a\":1}", "{ }"), row(1, "{\"a\":1}", null),
                new StoredRow(1, "e-1", "c1", 1, "Client", "dev.Event", "1", "2026-11-29T10:00:00.000Z",
                        "{\"a\":1}".getBytes(), "{}".getBytes()));
        for (StoredRow row : altered) {
            assertThat(LegacyLinks.next(LegacyLinks.GENESIS, row)).isNotEqualTo(original);
        }
        assertThat(LegacyLinks.next(LegacyLinks.GENESIS, row(1, "{\"a\":1}", "{}"))).isEqualTo(original);
    }

    @Test
    void whenThePreviousLinkDiffers_thenTheLinkDiffers() {
        StoredRow row = row(2, "{}", "{}");
        byte[] afterOne = LegacyLinks.next(LegacyLinks.next(LegacyLinks.GENESIS, row(1, "{}", "{}")), row);
        byte[] afterOther = LegacyLinks.next(LegacyLinks.next(LegacyLinks.GENESIS, row(1, "{ }", "{}")), row);
        assertThat(afterOne).isNotEqualTo(afterOther).hasSize(32);
    }
}
