package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.testing.BillingGenerators;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Writing then reading gives back the same items, every decimal and scale included. */
@Tag("MONEY-2")
class LineItemCsvProperties {

    @Test
    void csv_writeThenRead_isIdentity() {
        qt().forAll(lists().of(BillingGenerators.lineItems(Currency.getInstance("USD")))
                        .ofSizeBetween(0, 20))
                .checkAssert(items -> {
                    StringWriter out = new StringWriter();
                    try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
                        items.forEach(w::write);
                    }
                    List<LineItem> back = LineItemCsv.readAll(new StringReader(out.toString()), "mem", OnError.FAIL)
                            .values();
                    assertThat(back).isEqualTo(items);
                    for (int i = 0; i < items.size(); i++) {
                        assertThat(back.get(i).totalCost().toString())
                                .isEqualTo(items.get(i).totalCost().toString());
                    }
                });
    }

    @Test
    void json_writeThenRead_isIdentity() {
        var json = BillingJson.mapper();
        qt().forAll(BillingGenerators.lineItems(Currency.getInstance("JPY"))).checkAssert(item -> {
            try {
                LineItem back = json.readValue(json.writeValueAsString(item), LineItem.class);
                assertThat(back).isEqualTo(item);
                assertThat(back.listCost().toString()).isEqualTo(item.listCost().toString());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
