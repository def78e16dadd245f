package org.cloudbilling.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

/** Shared checks of the compact id tests: a compact id is the id of its text in every way an identifier shows. */
final class CompactIds {
    private CompactIds() {}

    /**
     * Asserts that {@code c}, an id held compactly, is {@code p}, the id of its {@code text}: equal both ways, the same
     * hash ({@code type}'s hash then the text's), the text, the same order, and not the id of another kind.
     */
    static void assertIsTheIdOfItsText(
            Class<? extends Identifier> type,
            Identifier c,
            Identifier p,
            String text,
            Function<String, ? extends Identifier> otherKind) {
        assertThat(c).isEqualTo(p).hasSameHashCodeAs(p).hasToString(text);
        assertThat(p).isEqualTo(c);
        assertThat(c.hashCode()).isEqualTo(type.hashCode() * 31 + text.hashCode());
        assertThat(c.value()).isEqualTo(text);
        assertThat(c.compareTo(p)).isZero();
        assertThat(c).isNotEqualTo(otherKind.apply(text));
    }

    /**
     * Asserts that the compact ids compare among themselves and with the plain ones as the plain ids do: equal where
     * they are, ordered as their texts.
     */
    static void assertEqualAndOrderedAsThePlainIds(
            List<? extends Identifier> compact, List<? extends Identifier> plain) {
        for (int i = 0; i < compact.size(); i++) {
            for (int j = 0; j < compact.size(); j++) {
                boolean equal = plain.get(i).equals(plain.get(j));
                assertThat(compact.get(i).equals(compact.get(j))).isEqualTo(equal);
                assertThat(compact.get(i).equals(plain.get(j))).isEqualTo(equal);
                assertThat(Integer.signum(compact.get(i).compareTo(compact.get(j))))
                        .isEqualTo(Integer.signum(
                                plain.get(i).value().compareTo(plain.get(j).value())));
            }
        }
    }
}
