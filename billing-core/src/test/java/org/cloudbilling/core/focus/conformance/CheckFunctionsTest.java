package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each check function of the model on a row that passes it and a row that fails it; expectations from the
 * function's description in the model and the FOCUS attribute rules it stands for.
 */
class CheckFunctionsTest {
    /** A CSV row: text values, a missing key is null. */
    private static Row csv(String... pairs) {
        return row(false, (Object[]) pairs);
    }

    private static Row row(boolean typed, Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return new Row() {
            @Override
            public boolean has(String column) {
                return m.containsKey(column);
            }

            @Override
            public Object value(String column) {
                return m.get(column);
            }

            @Override
            public boolean typed() {
                return typed;
            }
        };
    }

    /** Asserts that the check passes a CSV row with each value in its column. */
    private static void assertHolds(Check.OnColumn check, String... values) {
        for (String v : values) {
            assertThat(check.test(csv(check.column(), v)))
                    .as("%s of '%s'", check, v)
                    .isTrue();
        }
    }

    /** Asserts that the check fails a CSV row with each value in its column. */
    private static void assertFails(Check.OnColumn check, String... values) {
        for (String v : values) {
            assertThat(check.test(csv(check.column(), v)))
                    .as("%s of '%s'", check, v)
                    .isFalse();
        }
    }

    @Test
    void andOr_combineTheirItems() {
        Check usage = new Check.CheckValue("ChargeCategory", "Usage");
        Check notNull = new Check.CheckNotValue("BilledCost", null);
        Row r = csv("ChargeCategory", "Usage");
        assertThat(new Check.And(List.of(usage, notNull)).test(r)).isFalse();
        assertThat(new Check.Or(List.of(usage, notNull)).test(r)).isTrue();
        assertThat(new Check.And(List.of(usage, notNull)).test(csv("ChargeCategory", "Usage", "BilledCost", "1")))
                .isTrue();
        assertThat(new Check.Or(List.of(usage, notNull)).test(csv("ChargeCategory", "Tax")))
                .isFalse();
    }

    @Test
    void alternatives_aRowFailsWhenEveryAlternativeThatAppliesFails() {
        Check idNull = new Check.CheckValue("SubAccountId", null);
        Check idSet = new Check.CheckNotValue("SubAccountId", null);
        Check typeNull = new Check.CheckValue("SubAccountType", null);
        Check typeSet = new Check.CheckNotValue("SubAccountType", null);
        Check alternatives = new Check.Alternatives(java.util.Arrays.asList(idNull, idSet), List.of(typeNull, typeSet));
        assertThat(alternatives.test(csv("SubAccountId", "s1", "SubAccountType", "Project")))
                .isTrue();
        assertThat(alternatives.test(csv("SubAccountId", null, "SubAccountType", null)))
                .isTrue();
        assertThat(alternatives.test(csv("SubAccountId", "s1", "SubAccountType", null)))
                .isFalse();
        assertThat(alternatives.test(csv("SubAccountId", null, "SubAccountType", "Project")))
                .isFalse();
        // without conditions, a row fails only when it fails both
        Check either = new Check.Alternatives(java.util.Arrays.asList(null, null), List.of(typeNull, typeSet));
        assertThat(either.test(csv("SubAccountType", "Project"))).isTrue();
    }

    @Test
    void columnPresent_looksAtTheHeader() {
        assertThat(new Check.ColumnPresent("Tags").test(csv("Tags", null))).isTrue();
        assertThat(new Check.ColumnPresent("Tags").test(csv("BilledCost", "1"))).isFalse();
    }

    @Test
    void checkValue_nullStringAndNumber() {
        assertThat(new Check.CheckValue("ChargeClass", null).test(csv("ChargeClass", null)))
                .isTrue();
        assertThat(new Check.CheckValue("ChargeClass", null).test(csv("ChargeClass", "Correction")))
                .isFalse();
        assertThat(new Check.CheckValue("ChargeClass", "Correction").test(csv("ChargeClass", "Correction")))
                .isTrue();
        assertThat(new Check.CheckValue("ChargeClass", "Correction").test(csv("ChargeClass", "correction")))
                .isFalse();
        assertThat(new Check.CheckValue("BilledCost", BigDecimal.ZERO).test(csv("BilledCost", "0.000")))
                .isTrue();
        assertThat(new Check.CheckValue("BilledCost", BigDecimal.ZERO).test(csv("BilledCost", "0.01")))
                .isFalse();
    }

    @Test
    void checkNotValue_aNullIsNotAString() {
        Check notCorrection = new Check.CheckNotValue("ChargeClass", "Correction");
        assertThat(notCorrection.test(csv("ChargeClass", null))).isTrue();
        assertThat(notCorrection.test(csv("ChargeClass", "Correction"))).isFalse();
        assertThat(new Check.CheckNotValue("BilledCost", null).test(csv("BilledCost", "1")))
                .isTrue();
        assertThat(new Check.CheckNotValue("BilledCost", null).test(csv("BilledCost", null)))
                .isFalse();
    }

    @Test
    void checkSameValue_andNotSameValue() {
        Row same = csv("SkuPriceId", "p1", "SkuId", "p1");
        Row other = csv("SkuPriceId", "p1", "SkuId", "s1");
        assertThat(new Check.CheckSameValue("SkuPriceId", "SkuId").test(same)).isTrue();
        assertThat(new Check.CheckSameValue("SkuPriceId", "SkuId").test(other)).isFalse();
        assertThat(new Check.CheckNotSameValue("SkuPriceId", "SkuId").test(other))
                .isTrue();
        assertThat(new Check.CheckNotSameValue("SkuPriceId", "SkuId").test(same))
                .isFalse();
    }

    @Test
    void typeString_anyTextInCsv_onlyStringsInParquet() {
        assertThat(new Check.TypeString("ServiceName").test(csv("ServiceName", "123")))
                .isTrue();
        assertThat(new Check.TypeString("ServiceName").test(row(true, "ServiceName", "Compute")))
                .isTrue();
        assertThat(new Check.TypeString("ServiceName").test(row(true, "ServiceName", 12L)))
                .isFalse();
    }

    @Test
    void typeDecimal_textThatReadsAsANumber_orADecimalColumn() {
        assertThat(new Check.TypeDecimal("BilledCost").test(csv("BilledCost", "-1.25")))
                .isTrue();
        assertThat(new Check.TypeDecimal("BilledCost").test(csv("BilledCost", "NULL")))
                .isFalse();
        assertThat(new Check.TypeDecimal("BilledCost").test(row(true, "BilledCost", new BigDecimal("1.5"))))
                .isTrue();
        assertThat(new Check.TypeDecimal("BilledCost").test(row(true, "BilledCost", "1.5")))
                .isFalse();
    }

    @Test
    void typeDateTime_isoDateTimeText_orATimestampColumn() {
        assertThat(new Check.TypeDateTime("ChargePeriodStart").test(csv("ChargePeriodStart", "2024-09-01T00:00:00Z")))
                .isTrue();
        assertThat(new Check.TypeDateTime("ChargePeriodStart").test(csv("ChargePeriodStart", "September 1st")))
                .isFalse();
        assertThat(new Check.TypeDateTime("ChargePeriodStart")
                        .test(row(true, "ChargePeriodStart", Instant.parse("2024-09-01T00:00:00Z"))))
                .isTrue();
        assertThat(new Check.TypeDateTime("ChargePeriodStart").test(row(true, "ChargePeriodStart", "2024-09-01")))
                .isFalse();
    }

    @Test
    void formatString_validUnicode() {
        assertThat(new Check.FormatString("ResourceName").test(csv("ResourceName", "caf\u00e9 \uD83D\uDE00")))
                .isTrue();
        assertThat(new Check.FormatString("ResourceName").test(csv("ResourceName", "broken \uD83D")))
                .isFalse();
    }

    @Test
    void formatNumeric_integerDecimalOrENotation_noPlusSign() {
        Check.OnValue f = new Check.FormatNumeric("PricingQuantity");
        assertHolds(f, "12", "-0.00000125", "1.5E-7");
        assertFails(f, "+12", "1,000.00", "1/2", "1.5E+7", "12 USD");
    }

    @Test
    void formatDateTime_extendedIsoInUtc() {
        Check.OnValue f = new Check.FormatDateTime("BillingPeriodStart");
        assertHolds(f, "2024-09-01T00:00:00Z");
        assertFails(f, "2024-09-01 00:00:00", "2024-09-01T00:00:00+08:00", "2024-02-30T00:00:00Z");
    }

    @Test
    void formatCurrency_isoCodeOrVirtualCurrencyName() {
        Check.OnValue f = new Check.FormatCurrency("PricingCurrency");
        assertHolds(f, "USD", "Credits");
        assertFails(f, "usd", "XYZ");
    }

    @Test
    void checkNationalCurrency_onlyIsoCodes() {
        Check.OnValue f = new Check.CheckNationalCurrency("BillingCurrency");
        assertHolds(f, "CNY");
        assertFails(f, "Credits");
    }

    @Test
    void formatUnit_unitFormatWithListedCapitalization() {
        Check.OnValue f = new Check.FormatUnit("PricingUnit");
        assertHolds(f, "GB-Hours", "1000 Requests", "GB/Hour");
        assertFails(f, "gb-hours", "Hours (on demand)");
    }

    @Test
    void formatKeyValue_jsonObjectOfScalars() {
        Check.OnValue f = new Check.FormatKeyValue("Tags");
        assertHolds(f, "{\"team\":\"a\",\"n\":1,\"on\":true,\"x\":null}");
        assertFails(f, "[\"team\"]", "{\"team\":\"a\",\"team\":\"b\"}", "{\"team\":{\"a\":1}}", "team=a");
        assertThat(f.test(row(true, "Tags", Map.of("team", "a")))).isTrue();
    }

    @Test
    void checkGreaterOrEqualThanValue_numbersAtLeastTheBound() {
        Check.OnValue f = new Check.CheckGreaterOrEqualThanValue("ListUnitPrice", BigDecimal.ZERO);
        assertHolds(f, "0");
        assertThat(f.test(csv("ListUnitPrice", null))).isTrue();
        assertFails(f, "-0.01", "free");
    }

    @Test
    void columnByColumnEqualsColumnValue_exactProduct() {
        Check f = new Check.ColumnByColumnEqualsColumnValue("ListUnitPrice", "PricingQuantity", "ListCost");
        assertThat(f.test(csv("ListUnitPrice", "0.008", "PricingQuantity", "0.5", "ListCost", "0.0040")))
                .isTrue();
        assertThat(f.test(csv("ListUnitPrice", "0.008", "PricingQuantity", null, "ListCost", "7")))
                .isTrue();
        // 0.008 x 0.00200749 = 0.00001605992, not 0.00001605990 (the FOCUS sample's rounding)
        assertThat(f.test(csv("ListUnitPrice", "0.008", "PricingQuantity", "0.00200749", "ListCost", "0.0000160599")))
                .isFalse();
    }

    @Test
    void checkDecimalValue_aNumber() {
        assertThat(new Check.CheckDecimalValue("BilledCost").test(csv("BilledCost", "1e-3")))
                .isTrue();
        assertThat(new Check.CheckDecimalValue("BilledCost").test(csv("BilledCost", "1.2.3")))
                .isFalse();
    }
}
