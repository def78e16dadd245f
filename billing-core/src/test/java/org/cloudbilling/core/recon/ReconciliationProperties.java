package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Reconciliation lists: amounts conserved, independent of item order, and read back as written. */
class ReconciliationProperties {
    private static final BillingMonth CYCLE = BillingMonth.of(2024, 9);

    /** Generated items; those without a payment breakdown are paid in cash in full. */
    private static Gen<List<LineItem>> items() {
        return lists().of(BillingGenerators.lineItems(Currency.getInstance("CNY"))
                        .map(i -> i.cashPaid().isPresent()
                                        || i.creditPaid().isPresent()
                                        || i.voucherPaid().isPresent()
                                        || i.couponPaid().isPresent()
                                        || i.incentivePaid().isPresent()
                                        || i.transferPaid().isPresent()
                                ? i
                                : LineItem.builder()
                                        .from(i)
                                        .cashPaid(i.totalCost())
                                        .build())
                        .map(ReconciliationProperties::withOrderTerms))
                .ofSizeBetween(0, 30);
    }

    /**
     * A prepaid item carries its order's billing mode, quantity and duration (RECON-5), chosen from its id so that
     * every mode occurs; a postpaid one sometimes a reserved instance without upfront payment.
     */
    private static LineItem withOrderTerms(LineItem i) {
        int h = Math.floorMod(i.id().value().hashCode(), 1000);
        BillingMode[] modes = BillingMode.values();
        if (i.payMode() == PayMode.PREPAID) {
            return LineItem.builder()
                    .from(i)
                    .billingMode(modes[h % modes.length])
                    .purchaseQuantity(h % 5)
                    .purchaseDuration(BigDecimal.valueOf(h % 37, h % 2))
                    .build();
        }
        return h % 3 == 0
                ? LineItem.builder()
                        .from(i)
                        .billingMode(BillingMode.RESERVED_NO_UPFRONT)
                        .build()
                : i;
    }

    @Test
    @Tag("RECON-5")
    void of_anyItems_periodRowsCarryTheOrdersModeQuantityAndDuration() {
        qt().forAll(items()).checkAssert(items -> {
            ReconciliationLists lists = ReconciliationLists.of(CYCLE, items, BillingCalendar.TENCENT);
            List<LineItem> prepaid =
                    items.stream().filter(i -> i.payMode() == PayMode.PREPAID).toList();
            assertThat(lists.period()).hasSameSizeAs(prepaid);
            for (int n = 0; n < prepaid.size(); n++) {
                LineItem item = prepaid.get(n);
                PeriodRecord row = lists.period().get(n);
                assertThat(row.billingMode())
                        .isEqualTo(row.orderType() == OrderType.UNSUBSCRIPTION ? Optional.empty() : item.billingMode());
                assertThat(row.purchaseQuantity())
                        .isEqualTo(item.purchaseQuantity().orElseThrow());
                assertThat(row.duration()).isEqualTo(item.purchaseDuration().orElseThrow());
            }
        });
    }

    @Test
    @Tag("RECON-4")
    void of_anyItems_amountDueAndOfficialTotalsAddUpToTheItems() {
        qt().forAll(items()).checkAssert(items -> {
            ReconciliationLists lists = ReconciliationLists.of(CYCLE, items, BillingCalendar.TENCENT);
            BigDecimal due = BigDecimal.ZERO;
            BigDecimal official = BigDecimal.ZERO;
            for (PeriodRecord r : lists.period()) {
                due = due.add(r.payments().amountDue());
                official = official.add(r.payments().officialTotalAmount());
            }
            for (PayPerUseRecord r : lists.payPerUse()) {
                due = due.add(r.payments().amountDue());
                official = official.add(r.payments().officialTotalAmount());
            }
            BigDecimal total = items.stream().map(i -> i.totalCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal list = items.stream().map(i -> i.listCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(due).isEqualByComparingTo(total);
            assertThat(official).isEqualByComparingTo(list);
        });
    }

    @Test
    void of_shuffledItems_samePayPerUseList() {
        qt().forAll(items()).checkAssert(items -> {
            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.reverse(shuffled);
            Collections.rotate(shuffled, 3);
            assertThat(comparable(ReconciliationLists.of(CYCLE, shuffled, BillingCalendar.TENCENT)
                            .payPerUse()))
                    .isEqualTo(comparable(ReconciliationLists.of(CYCLE, items, BillingCalendar.TENCENT)
                            .payPerUse()));
        });
    }

    /** Sums compared by value, not by scale: addition order may change the scale of a sum only by trailing zeros. */
    private static List<String> comparable(List<PayPerUseRecord> rows) {
        return rows.stream()
                .map(r -> String.join(
                        "|",
                        r.productType(),
                        r.region(),
                        r.product(),
                        r.specifications(),
                        r.usageType(),
                        r.usageUnit(),
                        r.billingMode().name(),
                        r.usage().stripTrailingZeros().toPlainString(),
                        r.payments().amountDue().stripTrailingZeros().toPlainString(),
                        r.payments().cashPayment().stripTrailingZeros().toPlainString()))
                .toList();
    }

    @Test
    @Tag("RECON-1")
    void zip_writeThenRead_isIdentity() {
        qt().forAll(items()).checkAssert(items -> {
            ReconciliationLists lists = ReconciliationLists.of(CYCLE, items, BillingCalendar.TENCENT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReconciliationZip.write(lists, out, FormulaGuard.ON);
            assertThat(ReconciliationZip.read(new ByteArrayInputStream(out.toByteArray()), "mem", FormulaGuard.ON))
                    .isEqualTo(lists);
        });
    }
}
