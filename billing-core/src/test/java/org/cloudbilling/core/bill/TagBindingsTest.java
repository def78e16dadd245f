package org.cloudbilling.core.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Test;

class TagBindingsTest {
    private static final ResourceId VM = ResourceId.of("ins-1");
    private static final Instant SEPT_1 = Instant.parse("2024-08-31T16:00:00Z");
    private static final Instant SEPT_17 = Instant.parse("2024-09-16T16:00:00Z");

    /** ins-1 belongs to team web until the 17th, then to team data; env=prod throughout. */
    private static final TagBindings HISTORY = TagBindings.of(List.of(
            TagBinding.of(VM, Tag.of("team", "data"), SEPT_17),
            TagBinding.of(VM, Tag.of("team", "web"), SEPT_1).endedAt(SEPT_17, TagBinding.End.UNBOUND),
            TagBinding.of(VM, Tag.of("env", "prod"), SEPT_1)));

    @Test
    void tagsAt_answersForAnInstant_endExcluded() {
        assertThat(HISTORY.tagsAt(VM, SEPT_17.minusSeconds(1)))
                .containsExactly(
                        java.util.Map.entry(TagKey.of("env"), "prod"), java.util.Map.entry(TagKey.of("team"), "web"));
        assertThat(HISTORY.tagsAt(VM, SEPT_17)).containsEntry(TagKey.of("team"), "data");
        assertThat(HISTORY.tagsAt(VM, SEPT_1.minusSeconds(1))).isEmpty();
        assertThat(HISTORY.tagsAt(ResourceId.of("unknown"), SEPT_17)).isEmpty();
    }

    @Test
    void tagsDuring_aMonth_listsEveryValueTheResourceCarried() {
        assertThat(HISTORY.tagsDuring(VM, BillingCalendar.TENCENT.interval(BillingMonth.of(2024, 9))))
                .containsExactly(Tag.of("env", "prod"), Tag.of("team", "data"), Tag.of("team", "web"));
        assertThat(HISTORY.tagsDuring(VM, BillingCalendar.TENCENT.interval(BillingMonth.of(2024, 8))))
                .isEmpty();
        assertThat(HISTORY.tagsDuring(VM, BillingCalendar.TENCENT.interval(BillingMonth.of(2024, 10))))
                .containsExactly(Tag.of("env", "prod"), Tag.of("team", "data"));
    }

    @Test
    void of_bindingsInAnyOrder_keepsEachResourcesByBoundTime_andCountsThemAll() {
        ResourceId other = ResourceId.of("ins-2");
        TagBinding web = TagBinding.of(VM, Tag.of("team", "web"), SEPT_1).endedAt(SEPT_17, TagBinding.End.UNBOUND);
        TagBinding data = TagBinding.of(VM, Tag.of("team", "data"), SEPT_17);
        TagBinding elsewhere = TagBinding.of(other, Tag.of("env", "dev"), SEPT_1);

        TagBindings history = TagBindings.of(List.of(data, elsewhere, web));

        assertThat(history.bindingsOf(VM)).containsExactly(web, data);
        assertThat(history.bindingsOf(other)).containsExactly(elsewhere);
        assertThat(history.bindingsOf(ResourceId.of("unknown"))).isEmpty();
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.toString()).isEqualTo("TagBindings[3 bindings of 2 resources]");
        assertThat(history).isEqualTo(TagBindings.of(List.of(web, elsewhere, data)));
        assertThat(history.hashCode())
                .isEqualTo(TagBindings.of(List.of(web, elsewhere, data)).hashCode());
        assertThat(history).isNotEqualTo(TagBindings.of(List.of(web, data)));
        assertThat(TagBindings.empty().size()).isZero();
        assertThat(TagBindings.empty()).isEqualTo(TagBindings.of(List.of()));
    }

    @Test
    void manyResources_eachFindsItsOwnBindings_andNoneOfTheOthersFindsAny() {
        List<TagBinding> bindings = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            bindings.add(TagBinding.of(ResourceId.of("ins-" + i), Tag.of("team", "t" + i), SEPT_1));
        }
        TagBindings history = TagBindings.of(bindings);
        for (int i = 0; i < 5_000; i++) {
            assertThat(history.bindingsOf(ResourceId.of("ins-" + i))).containsExactly(bindings.get(i));
            assertThat(history.bindingsOf(ResourceId.of("vm-" + i))).isEmpty();
        }
        assertThat(TagBindings.empty().bindingsOf(VM)).isEmpty();
    }

    @Test
    void overlappingValuesOfOneKey_areRefused() {
        assertThatThrownBy(() -> TagBindings.of(List.of(
                        TagBinding.of(VM, Tag.of("team", "web"), SEPT_1),
                        TagBinding.of(VM, Tag.of("team", "data"), SEPT_17))))
                .hasMessage("resource ins-1 carries two values of tag key team at 2024-09-16T16:00:00Z: team=web and"
                        + " team=data");
    }

    @Test
    void binding_endMustFollowStart_andCarryAReason() {
        TagBinding b = TagBinding.of(VM, Tag.of("team", "web"), SEPT_17);
        assertThatThrownBy(() -> b.endedAt(SEPT_1, TagBinding.End.RESOURCE_TERMINATED))
                .hasMessageContaining("endedAt 2024-08-31T16:00:00Z is not after boundAt 2024-09-16T16:00:00Z");
        assertThat(b.endedAt(SEPT_17.plusSeconds(60), TagBinding.End.RESOURCE_TERMINATED)
                        .isActiveAt(SEPT_17))
                .isTrue();
    }
}
