package org.cloudbilling.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resource id a reader holds compactly (a prefix, a number and its count of digits, leading zeros included; the
 * text made only when asked for) is the id of its text in every way an identifier shows: equality both ways, hash,
 * text, order.
 */
class ResourceIdCompactTest {
    private static final String[] PREFIXES = {"", "ins-", "disk-", "a", "x.y/", "ab12cd-", "ins-0x"};
    private static final String[] DIGITS = {
        "0",
        "00",
        "7",
        "07",
        "007",
        "10",
        "010",
        "42",
        "99",
        "100",
        "039550",
        "000000",
        "999999",
        "12345678901234567",
        "00000000000000001",
        "99999999999999999"
    };

    @Test
    void compact_isTheIdOfItsText_equalBothWaysSameHashTextAndOrder() {
        List<ResourceId> compact = new ArrayList<>();
        List<ResourceId> plain = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String digits : DIGITS) {
                String text = prefix + digits;
                ResourceId c = ResourceId.compact(prefix, Long.parseLong(digits), digits.length());
                ResourceId p = ResourceId.of(text);
                CompactIds.assertIsTheIdOfItsText(ResourceId.class, c, p, text, LineItemId::of);
                compact.add(c);
                plain.add(p);
            }
        }
        CompactIds.assertEqualAndOrderedAsThePlainIds(compact, plain);
    }

    @Test
    void compact_differentTexts_areDifferentIds() {
        // the same number written with another count of digits is another text, so another id
        assertThat(ResourceId.compact("ins-", 39550, 6)).isNotEqualTo(ResourceId.compact("ins-", 39550, 5));
        assertThat(ResourceId.compact("ins-", 39550, 6)).isNotEqualTo(ResourceId.of("ins-39550"));
        assertThat(ResourceId.compact("ins-", 39550, 6)).isEqualTo(ResourceId.of("ins-039550"));
        assertThat(ResourceId.compact("", 5, 1)).isNotEqualTo(ResourceId.compact("a", 5, 1));
        // ins-1 then 23 and ins- then 123 would be one text: a prefix that ends in a digit is refused
        assertThatThrownBy(() -> ResourceId.compact("ins-1", 23, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.compact("ins-", -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.compact("ins-", 100, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.compact("ins-", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.compact("ins-", 1, 18)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.compact(null, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
