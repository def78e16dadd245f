package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.testing.BillFixtures;
import org.junit.jupiter.api.Test;

/** The canonical CSV's columns are the vocabulary's: same names, same cell text. */
class CanonicalColumnVocabularyTest {
    @Test
    void everyCanonicalColumn_isTheVocabularysColumnOfTheFieldOfItsName_writingItsText() {
        for (CanonicalColumn c : CanonicalColumn.values()) {
            LineItemField f = LineItemField.valueOf(c.name());
            assertThat(f.canonicalColumn()).as(c.name()).contains(c.header);
            if (c != CanonicalColumn.TAGS) {
                assertThat(c.cell(BillFixtures.CVM_HOUR)).as(c.name()).isEqualTo(f.text(BillFixtures.CVM_HOUR));
                assertThat(c.cell(BillFixtures.DISK_REFUND)).as(c.name()).isEqualTo(f.text(BillFixtures.DISK_REFUND));
            }
        }
        long canonical = java.util.Arrays.stream(LineItemField.values())
                .filter(f -> f.canonicalColumn().isPresent())
                .count();
        assertThat(canonical).isEqualTo(CanonicalColumn.values().length);
    }
}
