package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tie-break keys of a split (ALLOC-12) are a function of the item id's text, however the id is held. */
@Tag("ALLOC-12")
class TieBreakTest {
    private static final long[] SALTS = {3, -7, 0x9E3779B97F4A7C15L};

    private static final String HEADER = "id,ownerUin,payerUin,operatorUin,businessCode,productCode,itemCode,regionId,"
            + "projectId,resourceId,instanceType,payMode,settlementCycle,actionType,feePeriodStart,feePeriodEnd,"
            + "deductionTime,orderId,originalOrderId,usageQuantity,usageUnit,currency,listCost,discountRate,"
            + "reservedInstanceDeduction,savingsPlanDeduction,cashPaid,voucherPaid,incentivePaid,transferPaid,"
            + "creditPaid,couponPaid,tax,totalCost,tags";

    private static String row(String id) {
        return id + ",o00503,p0000001,,p_b07,p_b07_2,c1,ap-r5,prj075,ins-039550,,POSTPAID,,USAGE,"
                + "2024-09-05T23:00:00Z,2024-09-06T00:00:00Z,,,,,,CNY,63.25261582,,,,,,,,,,,63.25261582,";
    }

    /** The keys as the text's {@code String} hash gives them: the definition the keys have always had. */
    private static long[] keysOfText(String text) {
        long item = TieBreak.mix(text.hashCode() * 0x9E3779B97F4A7C15L);
        long[] keys = new long[SALTS.length];
        for (int k = 0; k < SALTS.length; k++) {
            keys[k] = TieBreak.mix(item ^ SALTS[k]);
        }
        return keys;
    }

    @Test
    void keys_areThoseOfTheIdsText() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30), longs().between(0, Long.MAX_VALUE))
                .checkAssert((prefix, number) -> {
                    String text = prefix + "-" + number;
                    assertThat(TieBreak.keys(LineItemId.of(text), SALTS)).isEqualTo(keysOfText(text));
                });
    }

    @Test
    void keys_ofIdsReadCompactlyFromAFile_areThoseOfTheirText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.csv");
        Files.writeString(file, HEADER + "\n" + row("li-000123") + "\n" + row("li-7") + "\n", StandardCharsets.UTF_8);
        List<LineItem> items = LineItemCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.ON, Collectors.toList());
        assertThat(items).hasSize(2);
        for (LineItem item : items) {
            long[] keys = TieBreak.keys(item.id(), SALTS); // before the id's text is asked for
            String text = item.id().value();
            assertThat(keys).as(text).isEqualTo(keysOfText(text));
        }
        assertThat(items.get(0).id().value()).isEqualTo("li-000123");
    }
}
