package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.LineItemId;
import org.junit.jupiter.api.Test;

/** How a FOCUS row becomes a line item: its id, pay mode and action from the charge category, and its period. */
class FocusLineItemsMappingTest {
    /** A usage row of 2 USD over the hour from 00:00 UTC on 1 September 2024. */
    private static FocusRow.Builder usage() {
        return FocusRow.builder()
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_ACCOUNT_ID, "acct-1")
                .set(FocusColumn.SERVICE_NAME, "Compute")
                .set(FocusColumn.CHARGE_CATEGORY, "Usage")
                .set(FocusColumn.CHARGE_PERIOD_START, Instant.parse("2024-09-01T00:00:00Z"))
                .set(FocusColumn.CHARGE_PERIOD_END, Instant.parse("2024-09-01T01:00:00Z"))
                .set(FocusColumn.LIST_COST, new BigDecimal("2.00"))
                .set(FocusColumn.BILLED_COST, new BigDecimal("2.00"));
    }

    @Test
    void toLineItem_idColumns_takeTheLineItemIdThenIdThenTheFallback() {
        LineItemId fallback = LineItemId.of("line-7");

        assertThat(FocusLineItems.toLineItem(usage().build(), fallback).id()).isEqualTo(fallback);
        assertThat(FocusLineItems.toLineItem(usage().extra("Id", "row-3").build(), fallback)
                        .id())
                .isEqualTo(LineItemId.of("row-3"));
        assertThat(FocusLineItems.toLineItem(
                                usage().extra("Id", "row-3")
                                        .extra(FocusLineItems.X_LINE_ITEM_ID, "li-9")
                                        .build(),
                                fallback)
                        .id())
                .isEqualTo(LineItemId.of("li-9"));
    }

    @Test
    void toLineItem_chargeCategory_givesPayModeAndAction() {
        LineItemId id = LineItemId.of("line-1");
        LineItem purchase = FocusLineItems.toLineItem(
                usage().set(FocusColumn.CHARGE_CATEGORY, "Purchase").build(), id);
        LineItem used = FocusLineItems.toLineItem(usage().build(), id);
        LineItem noCategory = FocusLineItems.toLineItem(
                usage().set(FocusColumn.CHARGE_CATEGORY, (String) null).build(), id);

        assertThat(purchase.payMode()).isEqualTo(PayMode.PREPAID);
        assertThat(purchase.actionType()).isEqualTo(ActionType.NEW_PURCHASE);
        assertThat(used.payMode()).isEqualTo(PayMode.POSTPAID);
        assertThat(used.actionType()).isEqualTo(ActionType.USAGE);
        assertThat(noCategory.payMode()).isEqualTo(PayMode.POSTPAID);
        assertThat(noCategory.actionType()).isEqualTo(ActionType.OTHER);
        assertThat(FocusLineItems.toLineItem(
                                usage().set(FocusColumn.CHARGE_CATEGORY, "Tax").build(), id)
                        .actionType())
                .isEqualTo(ActionType.TAX);
        assertThat(FocusLineItems.toLineItem(
                                usage().set(FocusColumn.CHARGE_CATEGORY, "Credit")
                                        .build(),
                                id)
                        .actionType())
                .isEqualTo(ActionType.CREDIT);
        assertThat(FocusLineItems.toLineItem(
                                usage().set(FocusColumn.CHARGE_CATEGORY, "Adjustment")
                                        .build(),
                                id)
                        .actionType())
                .isEqualTo(ActionType.ADJUSTMENT);
    }

    @Test
    void toLineItem_payModeColumn_overridesTheCategory() {
        LineItem item = FocusLineItems.toLineItem(
                usage().set(FocusColumn.CHARGE_CATEGORY, "Purchase")
                        .extra("x_PayMode", "POSTPAID")
                        .build(),
                LineItemId.of("line-1"));

        assertThat(item.payMode()).isEqualTo(PayMode.POSTPAID);
    }

    @Test
    void toLineItem_periodEndingAtOrBeforeItsStart_isRefused() {
        Instant start = Instant.parse("2024-09-01T00:00:00Z");

        assertThatThrownBy(() -> FocusLineItems.toLineItem(
                        usage().set(FocusColumn.CHARGE_PERIOD_END, start).build(), LineItemId.of("line-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChargePeriodEnd 2024-09-01T00:00:00Z is not after ChargePeriodStart 2024-09-01T00:00:00Z");
        assertThatThrownBy(() -> FocusLineItems.toLineItem(
                        usage().set(FocusColumn.CHARGE_PERIOD_END, start.minusSeconds(1))
                                .build(),
                        LineItemId.of("line-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChargePeriodEnd 2024-08-31T23:59:59Z is not after ChargePeriodStart 2024-09-01T00:00:00Z");
    }

    @Test
    void toLineItem_requiredColumnNull_isRefusedNamingIt() {
        assertThatThrownBy(() -> FocusLineItems.toLineItem(
                        usage().set(FocusColumn.SERVICE_NAME, (String) null).build(), LineItemId.of("line-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ServiceName is null");
        assertThatThrownBy(() -> FocusLineItems.toLineItem(
                        usage().set(FocusColumn.BILLED_COST, (BigDecimal) null).build(), LineItemId.of("line-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BilledCost is null");
    }

    @Test
    void isMapped_namesTheColumnsWithAField_aProvidersValueOfAnyOtherIsKeptInTheAttributes() {
        LineItem item = FocusLineItems.toLineItem(
                usage().set(FocusColumn.PROVIDER_NAME, "Acme").build(), LineItemId.of("line-1"));

        assertThat(FocusLineItems.isMapped(FocusColumn.SERVICE_NAME)).isTrue();
        assertThat(FocusLineItems.isMapped(FocusColumn.PROVIDER_NAME)).isFalse();
        assertThat(item.businessCode().value()).isEqualTo("Compute");
        assertThat(item.attributes())
                .containsEntry(FocusColumn.PROVIDER_NAME.header(), "Acme")
                .doesNotContainKey(FocusColumn.SERVICE_NAME.header());
        for (FocusColumn column : FocusColumn.values()) {
            if (FocusLineItems.isMapped(column)) {
                assertThat(item.attributes()).doesNotContainKey(column.header());
            }
        }
    }
}
