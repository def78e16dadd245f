package org.cloudbilling.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.internal.IdInternals;
import org.junit.jupiter.api.Test;

/**
 * A line item id a reader holds compactly (a prefix and a number, the text made only when asked for) is the id of
 * its text in every way an identifier shows: equality both ways, hash, text, order.
 */
class LineItemIdCompactTest {
    private static final String[] PREFIXES = {"", "li-", "line-", "a", "x.y/", "ab12cd-", "li-0x"};
    private static final long[] NUMBERS = {
        0, 1, 7, 9, 10, 11, 42, 99, 100, 101, 999, 1000, 123_456_789L, 999_999_999_999_999_999L, Long.MAX_VALUE
    };

    @Test
    void compact_isTheIdOfItsText_equalBothWaysSameHashTextAndOrder() {
        List<LineItemId> compact = new ArrayList<>();
        List<LineItemId> plain = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (long number : NUMBERS) {
                String text = prefix + number;
                LineItemId c = LineItemId.compact(prefix, number);
                LineItemId p = LineItemId.of(text);
                CompactIds.assertIsTheIdOfItsText(LineItemId.class, c, p, text, OrderId::of);
                compact.add(c);
                plain.add(p);
            }
        }
        CompactIds.assertEqualAndOrderedAsThePlainIds(compact, plain);
    }

    @Test
    void textHash_isTheHashOfTheText_withoutMakingTheTextOfACompactId() throws ReflectiveOperationException {
        java.lang.reflect.Field made = LineItemId.class.getDeclaredField("text");
        made.setAccessible(true);
        for (String prefix : PREFIXES) {
            for (long number : NUMBERS) {
                String text = prefix + number;
                LineItemId c = LineItemId.compact(prefix, number);
                assertThat(IdInternals.textHash(c)).as(text).isEqualTo(text.hashCode());
                assertThat(made.get(c)).as("%s made no text", text).isNull();
                assertThat(IdInternals.textHash(LineItemId.of(text))).isEqualTo(text.hashCode());
            }
        }
        assertThat(IdInternals.textHash(OwnerUin.of("o-1"))).isEqualTo("o-1".hashCode());
    }

    @Test
    void compact_differentTexts_areDifferentIds() {
        // li-1 then 23 and li- then 123 would be one text: a prefix that ends in a digit is refused, so a text has
        // one compact form
        assertThat(LineItemId.compact("li-", 123)).isNotEqualTo(LineItemId.compact("li-", 12));
        assertThat(LineItemId.compact("li-", 12)).isNotEqualTo(LineItemId.of("li-012"));
        assertThat(LineItemId.compact("", 5)).isNotEqualTo(LineItemId.compact("a", 5));
        assertThatThrownBy(() -> LineItemId.compact("li-1", 23)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineItemId.compact("li-", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineItemId.compact(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
