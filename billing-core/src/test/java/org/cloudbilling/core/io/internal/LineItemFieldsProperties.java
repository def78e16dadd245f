package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.recon.BillingMode;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link LineItemFields#make()}, the readers' way to a line item without the builder, gives the item the builder
 * gives for the same values, every field, and refuses what the builder refuses with the same message.
 */
class LineItemFieldsProperties {
    /** Generated items, with the fields only FOCUS sources fill (billing mode, effective cost, ...) set at times. */
    private static Gen<LineItem> items() {
        Gen<LineItem> base = BillingGenerators.currencies().flatMap(BillingGenerators::lineItems);
        Gen<Integer> mask = integers().between(0, 255);
        Gen<BillingMode> mode = Generate.enumValues(BillingMode.class);
        Gen<Integer> count = integers().between(0, 1000);
        return base.zip(mask, mode, count, (item, m, billingMode, n) -> {
            if (m < 128) {
                return item;
            }
            Currency c = item.currency();
            LineItem.Builder b = LineItem.builder().from(item);
            if ((m & 1) != 0) {
                b.billingMode(billingMode).purchaseQuantity(n).purchaseDuration(BigDecimal.valueOf(n, 1));
            }
            if ((m & 2) != 0) {
                b.effectiveCost(Money.of(c, BigDecimal.valueOf(n, 2).negate()));
            }
            if ((m & 4) != 0) {
                b.contractedCost(Money.of(c, BigDecimal.valueOf(n, 3)));
            }
            if ((m & 8) != 0) {
                b.pricingQuantity(BigDecimal.valueOf(n, 4)).pricingUnit("GB-Hours");
            }
            if ((m & 16) != 0) {
                b.putAttribute("ChargeClass", "Correction").putAttribute("InvoiceId", "inv-" + n);
            }
            if ((m & 32) != 0) {
                b.tax(Money.of(c, BigDecimal.valueOf(n, 2)));
            }
            return b.build();
        });
    }

    /** The fields of {@code item}, as a reader would fill them. */
    private static LineItemFields fieldsOf(LineItem item) {
        LineItemFields f = new LineItemFields();
        f.id = item.id();
        f.ownerUin = item.ownerUin();
        f.payerUin = item.payerUin();
        f.operatorUin = item.operatorUin();
        f.businessCode = item.businessCode();
        f.productCode = item.productCode();
        f.itemCode = item.itemCode();
        f.regionId = item.regionId();
        f.projectId = item.projectId();
        f.resourceId = item.resourceId();
        f.instanceType = item.instanceType();
        f.payMode = item.payMode();
        f.settlementCycle = item.settlementCycle();
        f.actionType = item.actionType();
        f.feePeriod = item.feePeriod();
        f.deductionTime = item.deductionTime();
        f.orderId = item.orderId();
        f.originalOrderId = item.originalOrderId();
        f.billingMode = item.billingMode();
        f.purchaseQuantity = item.purchaseQuantity();
        f.purchaseDuration = item.purchaseDuration();
        f.usageQuantity = item.usageQuantity();
        f.usageUnit = item.usageUnit();
        f.listCost = item.listCost();
        f.discountRate = item.discountRate();
        f.reservedInstanceDeduction = item.reservedInstanceDeduction();
        f.savingsPlanDeduction = item.savingsPlanDeduction();
        f.cashPaid = item.cashPaid();
        f.voucherPaid = item.voucherPaid();
        f.incentivePaid = item.incentivePaid();
        f.transferPaid = item.transferPaid();
        f.creditPaid = item.creditPaid();
        f.couponPaid = item.couponPaid();
        f.tax = item.tax();
        f.totalCost = item.totalCost();
        f.effectiveCost = item.effectiveCost();
        f.contractedCost = item.contractedCost();
        f.pricingQuantity = item.pricingQuantity();
        f.pricingUnit = item.pricingUnit();
        f.attributes = ImmutableMap.copyOf(item.attributes());
        f.tags = ImmutableMap.copyOf(item.tags());
        return f;
    }

    @Test
    void make_generatedItems_equalsTheBuiltItemInEveryField() {
        qt().forAll(items()).checkAssert(item -> {
            LineItem made = fieldsOf(item).make();
            assertThat(made).isEqualTo(item).hasSameHashCodeAs(item);
            assertThat(made).usingRecursiveComparison().isEqualTo(item);
            assertThat(made.toString()).isEqualTo(item.toString());
            assertThat(LineItem.builder().from(made).build()).isEqualTo(made);
        });
    }

    @Test
    void make_afterClear_givesNoFieldOfThePreviousRow() {
        LineItemFields f = fieldsOf(minimal().operatorUin(Optional.empty()).build());
        f.tax = Optional.of(Money.of("CNY", "1"));
        f.tags = ImmutableMap.of(org.cloudbilling.core.id.TagKey.of("team"), "a");
        f.clear();
        f.id = LineItemId.of("2");
        f.ownerUin = OwnerUin.of("100000000001");
        f.payerUin = PayerUin.of("100000000001");
        f.businessCode = BusinessCode.of("p_cvm");
        f.payMode = PayMode.POSTPAID;
        f.actionType = ActionType.USAGE;
        f.feePeriod = PERIOD;
        f.listCost = Money.of("CNY", "1.20");
        f.totalCost = Money.of("CNY", "0.96");
        assertThat(f.make()).isEqualTo(minimal().id(LineItemId.of("2")).build());
    }

    @Test
    void toString_absentOptionalFields_leftOut() {
        LineItem item = minimal().tax(Money.of("CNY", "0.10")).build();
        assertThat(item.toString())
                .startsWith("LineItem{id=")
                .contains("tax=CNY 0.10")
                .doesNotContain("Optional")
                .doesNotContain("operatorUin");
    }

    @Test
    void make_paymentsNotAddingUp_refusedAsByTheBuilder() {
        LineItem.Builder b = minimal().cashPaid(Money.of("CNY", "0.90"));
        LineItemFields f = fieldsOf(minimal().build());
        f.cashPaid = Optional.of(Money.of("CNY", "0.90"));
        assertThatThrownBy(f::make)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(b))
                .hasMessage("line item 1: payments add up to CNY 0.90 but totalCost is CNY 0.96");
    }

    @Test
    void make_amountInAnotherCurrency_refusedAsByTheBuilder() {
        LineItem.Builder b = minimal().tax(Money.of("USD", "0.10"));
        LineItemFields f = fieldsOf(minimal().build());
        f.tax = Optional.of(Money.of("USD", "0.10"));
        assertThatThrownBy(f::make)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(b))
                .hasMessage("line item 1: tax is in USD but totalCost is in CNY");
    }

    @Test
    void make_negativeDiscountRate_refusedAsByTheBuilder() {
        LineItem.Builder b = minimal().discountRate(new BigDecimal("-0.5"));
        LineItemFields f = fieldsOf(minimal().build());
        f.discountRate = Optional.of(new BigDecimal("-0.5"));
        assertThatThrownBy(f::make)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(b))
                .hasMessage("line item 1: discountRate -0.5 is negative");
    }

    @Test
    void make_requiredFieldMissing_refusedNamingIt() {
        LineItemFields f = fieldsOf(minimal().build());
        f.totalCost = null;
        assertThatThrownBy(f::make).isInstanceOf(IllegalStateException.class).hasMessageContaining("totalCost");
    }

    private static final Interval PERIOD =
            Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-09-01T01:00:00Z"));

    private static LineItem.Builder minimal() {
        LineItem.Builder b = LineItem.builder();
        b.id(LineItemId.of("1"))
                .ownerUin(OwnerUin.of("100000000001"))
                .payerUin(PayerUin.of("100000000001"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(PERIOD)
                .listCost(Money.of("CNY", "1.20"))
                .totalCost(Money.of("CNY", "0.96"));
        return b;
    }

    private static String messageOf(LineItem.Builder b) {
        try {
            b.build();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the builder took the item");
    }
}
