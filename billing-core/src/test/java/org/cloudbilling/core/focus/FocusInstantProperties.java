package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The FOCUS reader's fast reading of {@code uuuu-MM-ddTHH:mm:ssZ} ({@link FocusCsvReader#plainUtc}) gives what
 * {@link Instant#parse} gives, and leaves to it (null) every text it would read differently or refuse.
 */
class FocusInstantProperties {
    @Test
    void plainUtcIsInstantParseOrLeavesItToIt() {
        qt().forAll(
                        integers().between(0, 9999),
                        integers().between(0, 14),
                        integers().between(0, 33),
                        integers().between(0, 26 * 62 * 62 - 1)) // hour 0-25, minute and second 0-61
                .checkAssert((y, mo, d, time) -> {
                    int h = time / (62 * 62);
                    int mi = time / 62 % 62;
                    int s = time % 62;
                    String text =
                            String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
                    Instant fast = FocusCsvReader.plainUtc(text);
                    Instant reference;
                    try {
                        reference = Instant.parse(text);
                    } catch (DateTimeException e) {
                        reference = null;
                    }
                    if (fast != null) {
                        assertThat(fast).as(text).isEqualTo(reference);
                    }
                    boolean ordinary = mo >= 1 && mo <= 12 && d >= 1 && h <= 23 && mi <= 59 && s <= 59;
                    if (ordinary && reference != null) {
                        assertThat(fast).as(text).isEqualTo(reference); // the common form is read fast
                    }
                });
    }

    @Test
    void otherFormsAreLeftToTheParsers() {
        for (String text : new String[] {
            "2024-09-01T00:00:00.5Z", "2024-09-01 00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
            "2024-09-01T24:00:00Z", "2016-12-31T23:59:60Z", "+2024-09-01T00:0:00Z", "2024-09-01T00:00:00+",
            "2024-O9-01T00:00:00Z", "2024-09-01T00:00:00z"
        }) {
            assertThat(FocusCsvReader.plainUtc(text)).as(text).isNull();
        }
        assertThat(FocusCsvReader.plainUtc("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(FocusCsvReader.plainUtc("0000-01-01T00:00:00Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    }
}
