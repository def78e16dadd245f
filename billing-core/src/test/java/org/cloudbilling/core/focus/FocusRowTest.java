package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Test;

/** The typed access, builder checks and equality of a FOCUS row, and the checks of an export's names. */
class FocusRowTest {
    @Test
    void text_columnOfAnotherType_isRefusedNamingBothTypes() {
        FocusRow row = FocusRow.builder()
                .set(FocusColumn.BILLED_COST, new BigDecimal("1.50"))
                .set(FocusColumn.SERVICE_NAME, "Compute")
                .set(FocusColumn.CHARGE_PERIOD_START, Instant.parse("2024-09-01T00:00:00Z"))
                .build();

        assertThatThrownBy(() -> row.text(FocusColumn.BILLED_COST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column BilledCost is of type DECIMAL, not STRING");
        assertThatThrownBy(() -> row.decimal(FocusColumn.SERVICE_NAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column ServiceName is of type STRING, not DECIMAL");
        assertThatThrownBy(() -> row.instant(FocusColumn.BILLED_COST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column BilledCost is of type DECIMAL, not DATETIME");
        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("1.50"));
        assertThat(row.text(FocusColumn.SERVICE_NAME)).contains("Compute");
        assertThat(row.instant(FocusColumn.CHARGE_PERIOD_START)).contains(Instant.parse("2024-09-01T00:00:00Z"));
    }

    @Test
    void set_valueOfAnotherTypeOrEmptyText_isRefused() {
        FocusRow.Builder b = FocusRow.builder();

        assertThatThrownBy(() -> b.set(FocusColumn.BILLED_COST, "1.50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column BilledCost is of type DECIMAL, not STRING");
        assertThatThrownBy(() -> b.set(FocusColumn.SERVICE_NAME, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column ServiceName is of type STRING, not DECIMAL");
        assertThatThrownBy(() -> b.set(FocusColumn.SERVICE_NAME, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column ServiceName is of type STRING, not DATETIME");
        assertThatThrownBy(() -> b.set(FocusColumn.SERVICE_NAME, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ServiceName is empty; a missing value is null");
        assertThat(b.build()).isEqualTo(FocusRow.builder().build());
    }

    @Test
    void set_null_clearsTheColumn() {
        FocusRow row = FocusRow.builder()
                .set(FocusColumn.SERVICE_NAME, "Compute")
                .set(FocusColumn.SERVICE_NAME, (String) null)
                .set(FocusColumn.BILLED_COST, BigDecimal.ONE)
                .set(FocusColumn.BILLED_COST, (BigDecimal) null)
                .build();

        assertThat(row.isNull(FocusColumn.SERVICE_NAME)).isTrue();
        assertThat(row.isNull(FocusColumn.BILLED_COST)).isTrue();
        assertThat(row).isEqualTo(FocusRow.builder().build());
    }

    @Test
    void tags_nullKeyOrValue_isRefusedAndNullTagsAreANullColumn() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("team", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "web");

        assertThatThrownBy(() -> FocusRow.builder().tags(nullValue))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tag value");
        assertThatThrownBy(() -> FocusRow.builder().tags(nullKey))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tag key");
        FocusRow none = FocusRow.builder().tags(Map.of("a", "b")).tags(null).build();
        assertThat(none.isNull(FocusColumn.TAGS)).isTrue();
        assertThat(none.tags()).isEmpty();
        FocusRow empty = FocusRow.builder().tags(Map.of()).build();
        assertThat(empty.isNull(FocusColumn.TAGS)).isFalse();
        assertThat(empty).isNotEqualTo(none);
    }

    @Test
    void extra_focusColumnOrEmptyValue_isRefusedAndNullClears() {
        FocusRow.Builder b = FocusRow.builder();

        assertThatThrownBy(() -> b.extra("BilledCost", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BilledCost is a FOCUS column: use set");
        assertThatThrownBy(() -> b.extra("x_Team", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x_Team is empty; a missing value is null");
        assertThat(b.build().extra()).isEmpty();
        FocusRow row = b.extra("x_Team", "web")
                .extra("x_Unit", "u")
                .extra("x_Team", null)
                .build();
        assertThat(row.extra()).containsExactly(Map.entry("x_Unit", "u"));
        assertThat(row.extra("x_Team")).isEmpty();
        assertThat(row.extra("x_Unit")).contains("u");
    }

    @Test
    void equals_rowsDifferingInValuesTagsOrExtras_areNotEqual() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "web");
        FocusRow row = FocusRow.builder()
                .set(FocusColumn.SERVICE_NAME, "Compute")
                .tags(tags)
                .extra("x_Unit", "u")
                .build();

        assertThat(row).isEqualTo(row.toBuilder().build());
        assertThat(row.hashCode()).isEqualTo(row.toBuilder().build().hashCode());
        assertThat(row)
                .isNotEqualTo(
                        row.toBuilder().set(FocusColumn.SERVICE_NAME, "Storage").build());
        assertThat(row).isNotEqualTo(row.toBuilder().tags(Map.of("team", "api")).build());
        assertThat(row).isNotEqualTo(row.toBuilder().extra("x_Unit", "v").build());
        assertThat(row).isNotEqualTo("FocusRow");
        assertThat(row.equals(null)).isFalse();
    }

    @Test
    void toString_row_showsValuesAndOnlyTheTagsAndExtrasItHas() {
        FocusRow plain =
                FocusRow.builder().set(FocusColumn.SERVICE_NAME, "Compute").build();
        FocusRow full = plain.toBuilder()
                .tags(Map.of("team", "web"))
                .extra("x_Unit", "u")
                .build();

        assertThat(plain.toString()).isEqualTo("FocusRow{SERVICE_NAME=Compute}");
        assertThat(full.toString()).isEqualTo("FocusRow{SERVICE_NAME=Compute} tags={team=web} extra={x_Unit=u}");
    }

    @Test
    void new_export_refusesEmptyNames() {
        BillingCalendar calendar = BillingCalendar.TENCENT;

        assertThatThrownBy(() -> new FocusExport("", "P", "I", calendar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("providerName is empty");
        assertThatThrownBy(() -> new FocusExport("P", "", "I", calendar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("publisherName is empty");
        assertThatThrownBy(() -> new FocusExport("P", "P", "", calendar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoiceIssuerName is empty");
        assertThatThrownBy(() -> new FocusExport("P", "P", "I", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("calendar");
        assertThat(new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent", calendar).invoiceIssuerName())
                .isEqualTo("Tencent");
    }
}
