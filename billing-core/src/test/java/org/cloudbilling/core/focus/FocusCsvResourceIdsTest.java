package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;
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
        Instant start = Instant.ofEpochSecond(1_727_740_800L + 3600L * (n % 24));
        Money cost = Money.of("CNY", "1." + (n % 100));
        return LineItem.builder()
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of("o" + (n % 4)))
                .payerUin(PayerUin.of("p1"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(cost)
                .totalCost(cost)
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
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF);
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<LineItem> plain = FocusCsv.readLineItems(
                            new java.io.StringReader(text),
                            "f.csv",
                            FormulaGuard.OFF,
                            org.cloudbilling.core.io.OnError.FAIL)
                    .values();
            for (int threads = 1; threads <= 2; threads++) {
                List<LineItem> fast = FocusCsv.collect(
                        file, StandardCharsets.UTF_8, FormulaGuard.OFF, Collectors.toList(), threads, 1 << 20);
                assertThat(fast).isEqualTo(plain);
                for (int i = 0; i < fast.size(); i++) {
                    ResourceId got = fast.get(i).resourceId().orElseThrow();
                    ResourceId want = plain.get(i).resourceId().orElseThrow();
                    assertThat(want).isEqualTo(got);
                    assertThat(got.hashCode()).isEqualTo(want.hashCode());
                    assertThat(got.value()).isEqualTo(want.value());
                    assertThat(got.compareTo(want)).isZero();
                }
            }
            java.lang.reflect.Field prefix = ResourceId.class.getDeclaredField("prefix");
            prefix.setAccessible(true);
            List<LineItem> fast =
                    FocusCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.OFF, Collectors.toList(), 1, 1 << 20);
            assertThat(prefix.get(fast.get(DISTINCT - 1).resourceId().orElseThrow()))
                    .as("a late id of many, read compactly")
                    .isEqualTo("ins-");
        } finally {
            delete(file);
        }
    }
}
