package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.ResourceId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8, import: a FOCUS CSV file's resource ids read from its bytes once the column's dictionary no longer keeps
 * them (most ids new): those that end in digits are held as a shared prefix and a number, and equal, by value, hash,
 * order and text, the plain reader's ids, whatever their prefix and digits.
 */
@Tag("FOCUS-8")
class FocusCsvResourceIdsTest {
    /** Enough distinct ids that the parser's dictionary of the column gives up keeping them. */
    private static final int DISTINCT = 10_000;

    private static final String[] PREFIXES = {"ins-", "", "disk-", "arn:aws:ec2:vol/", "x", "ins-", "eni-"};
    private static final String[] NUMBERS = {"0", "7", "007", "039550", "12345678901234567", "99", "000"};

    private static LineItem item(int n, String resource) {
        return FocusCsvFastPathProperties.hourlyItem(n)
                .resourceId(ResourceId.of(resource))
                .build();
    }

    @Test
    void manyResourceIds_areThePlainReadersIds_andThoseEndingInDigitsAreHeldCompactly()
            throws ReflectiveOperationException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            items.add(item(i, String.format("ins-%06d", i)));
        }
        for (int p = 0; p < PREFIXES.length; p++) {
            for (int d = 0; d < NUMBERS.length; d++) {
                items.add(item(items.size(), PREFIXES[p] + NUMBERS[d]));
            }
        }
        items.add(item(items.size(), "ins-abc")); // no digits: its text
        List<LineItem> fast = FocusCsvFastPathProperties.collectedAsThePlainReader(items, 1 << 20, (a, b) -> {
            ResourceId got = a.resourceId().orElseThrow();
            ResourceId want = b.resourceId().orElseThrow();
            assertThat(want).isEqualTo(got);
            assertThat(got.hashCode()).isEqualTo(want.hashCode());
            assertThat(got.value()).isEqualTo(want.value());
            assertThat(got.compareTo(want)).isZero();
        });
        java.lang.reflect.Field prefix = ResourceId.class.getDeclaredField("prefix");
        prefix.setAccessible(true);
        assertThat(prefix.get(fast.get(DISTINCT - 1).resourceId().orElseThrow()))
                .as("a late id of many, read compactly")
                .isEqualTo("ins-");
    }
}
