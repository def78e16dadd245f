package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A stored line makes the check an allocated row makes: only an Unallocated line has no unit (ALLOC-4, ALLOC-6). */
@Tag("ALLOC-6")
class AllocationLineTest {
    private static final LineItemId ITEM = LineItemId.of("li-1");
    private static final Money TEN = Money.of("CNY", "10.00");
    private static final Optional<UnitId> WEB = Optional.of(UnitId.of("web"));
    private static final Optional<RuleId> RULE = Optional.of(RuleId.of("r-web"));

    @Test
    void new_collectedOrSharedWithoutAUnit_isRefused() {
        assertThatThrownBy(() -> new AllocationLine(ITEM, Optional.empty(), AllocationType.COLLECTED, TEN, RULE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit: a COLLECTED line needs a unit; only an UNALLOCATED line has none");
        assertThatThrownBy(() -> new AllocationLine(ITEM, Optional.empty(), AllocationType.SHARED, TEN, RULE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit: a SHARED line needs a unit; only an UNALLOCATED line has none");
    }

    @Test
    void new_unallocatedWithAUnit_isRefused() {
        assertThatThrownBy(() -> new AllocationLine(ITEM, WEB, AllocationType.UNALLOCATED, TEN, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit: an UNALLOCATED line has no unit, but this one has web");
    }

    @Test
    void new_unallocatedWithoutAUnit_andCollectedWithOne_areLines() {
        assertThat(new AllocationLine(ITEM, Optional.empty(), AllocationType.UNALLOCATED, TEN, Optional.empty()).unit())
                .isEmpty();
        assertThat(new AllocationLine(ITEM, WEB, AllocationType.COLLECTED, TEN, RULE).unit())
                .isEqualTo(WEB);
        assertThat(new AllocationLine(ITEM, WEB, AllocationType.SHARED, TEN, RULE).type())
                .isEqualTo(AllocationType.SHARED);
    }
}
