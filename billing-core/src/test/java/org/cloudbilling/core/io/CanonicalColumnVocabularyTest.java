package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cloudbilling.core.bill.LineItem;
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

    @Test
    void aDecimalReadWithANegativeScale_keepsItInItsCell_whereTheFieldsTextIsPlainDigits() {
        LineItem item = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .usageQuantity(new BigDecimal("1E+3"))
                .discountRate(new BigDecimal("5E+1"))
                .build();

        assertThat(CanonicalColumn.USAGE_QUANTITY.cell(item)).isEqualTo("1E+3");
        assertThat(LineItemField.USAGE_QUANTITY.text(item)).isEqualTo("1000");
        assertThat(CanonicalColumn.DISCOUNT_RATE.cell(item)).isEqualTo("5E+1");
        assertThat(CanonicalColumn.OWNER_UIN.cell(item)).isEqualTo(LineItemField.OWNER_UIN.text(item));
    }
}
