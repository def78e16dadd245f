package org.cloudbilling.core.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Test;

class TagBindingsEdgesTest {
    private static final ResourceId VM = ResourceId.of("ins-1");
    private static final Instant T0 = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-09-10T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-09-20T00:00:00Z");

    @Test
    void of_rebindingAtTheExactEndOfThePreviousValue_isAccepted() {
        TagBinding web = TagBinding.of(VM, Tag.of("team", "web"), T0).endedAt(T1, TagBinding.End.UNBOUND);
        TagBinding data = TagBinding.of(VM, Tag.of("team", "data"), T1);

        TagBindings history = TagBindings.of(List.of(data, web));

        assertThat(history.tagsAt(VM, T1.minusNanos(1))).containsExactly(Map.entry(TagKey.of("team"), "web"));
        assertThat(history.tagsAt(VM, T1)).containsExactly(Map.entry(TagKey.of("team"), "data"));
    }

    @Test
    void of_previousValueEndingOneNanoAfterTheNextStarts_isRefused() {
        TagBinding web = TagBinding.of(VM, Tag.of("team", "web"), T0).endedAt(T1.plusNanos(1), TagBinding.End.UNBOUND);
        TagBinding data = TagBinding.of(VM, Tag.of("team", "data"), T1);

        assertThatThrownBy(() -> TagBindings.of(List.of(web, data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource ins-1 carries two values of tag key team at 2024-09-10T00:00:00Z: team=web and"
                        + " team=data");
    }

    @Test
    void of_sameTagBoundTwiceAtOneInstant_isRefusedAsAnOverlap() {
        TagBinding open = TagBinding.of(VM, Tag.of("team", "web"), T0);
        TagBinding ended = TagBinding.of(VM, Tag.of("team", "web"), T0).endedAt(T1, TagBinding.End.UNBOUND);

        assertThatThrownBy(() -> TagBindings.of(List.of(open, ended)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource ins-1 carries two values of tag key team at 2024-09-01T00:00:00Z: team=web and"
                        + " team=web");
    }

    @Test
    void of_bindingsOfOneInstant_areOrderedByTag() {
        TagBinding team = TagBinding.of(VM, Tag.of("team", "web"), T0);
        TagBinding env = TagBinding.of(VM, Tag.of("env", "prod"), T0);
        TagBinding later = TagBinding.of(VM, Tag.of("cost", "a"), T1);

        TagBindings history = TagBindings.of(List.of(later, team, env));

        assertThat(history.bindingsOf(VM)).containsExactly(env, team, later);
    }

    @Test
    void of_differentKeysMayOverlap() {
        TagBindings history = TagBindings.of(
                List.of(TagBinding.of(VM, Tag.of("team", "web"), T0), TagBinding.of(VM, Tag.of("env", "prod"), T1)));

        assertThat(history.tagsAt(VM, T2))
                .containsExactly(Map.entry(TagKey.of("env"), "prod"), Map.entry(TagKey.of("team"), "web"));
        assertThat(history.tagsAt(VM, T0)).containsExactly(Map.entry(TagKey.of("team"), "web"));
    }

    @Test
    void nullArguments_areRefusedNamingThem() {
        TagBindings history = TagBindings.of(List.of(TagBinding.of(VM, Tag.of("team", "web"), T0)));

        assertThatThrownBy(() -> TagBindings.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("bindings");
        assertThatThrownBy(() -> history.tagsAt(VM, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("instant");
        assertThatThrownBy(() -> TagBindings.empty().tagsAt(VM, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("instant");
        assertThatThrownBy(() -> history.tagsDuring(VM, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("interval");
    }

    @Test
    void tagsDuring_bindingEndingAtTheIntervalStart_isNotListed_oneNanoLaterIs() {
        TagBinding endsAtT1 = TagBinding.of(VM, Tag.of("team", "web"), T0).endedAt(T1, TagBinding.End.UNBOUND);
        TagBinding endsJustAfter =
                TagBinding.of(VM, Tag.of("env", "dev"), T0).endedAt(T1.plusNanos(1), TagBinding.End.UNBOUND);
        TagBinding startsAtT2 = TagBinding.of(VM, Tag.of("cost", "a"), T2);
        TagBindings history = TagBindings.of(List.of(endsAtT1, endsJustAfter, startsAtT2));

        assertThat(history.tagsDuring(VM, Interval.of(T1, T2))).containsExactly(Tag.of("env", "dev"));
        assertThat(history.tagsDuring(VM, Interval.of(T1, T2.plusNanos(1))))
                .containsExactly(Tag.of("cost", "a"), Tag.of("env", "dev"));
        assertThat(history.tagsDuring(ResourceId.of("other"), Interval.of(T0, T2)))
                .isEmpty();
    }

    @Test
    void isActiveAt_fromBoundAtInclusive_toEndedAtExclusive() {
        TagBinding b = TagBinding.of(VM, Tag.of("team", "web"), T0).endedAt(T1, TagBinding.End.RESOURCE_TERMINATED);

        assertThat(b.isActiveAt(T0.minusNanos(1))).isFalse();
        assertThat(b.isActiveAt(T0)).isTrue();
        assertThat(b.isActiveAt(T1.minusNanos(1))).isTrue();
        assertThat(b.isActiveAt(T1)).isFalse();
        assertThat(TagBinding.of(VM, Tag.of("team", "web"), T0).isActiveAt(Instant.MAX))
                .isTrue();
    }

    @Test
    void overlaps_intervalEndingAtBoundAt_doesNot_openBindingOverlapsAnyLaterInterval() {
        TagBinding open = TagBinding.of(VM, Tag.of("team", "web"), T1);

        assertThat(open.overlaps(Interval.of(T0, T1))).isFalse();
        assertThat(open.overlaps(Interval.of(T0, T1.plusNanos(1)))).isTrue();
        assertThat(open.overlaps(Interval.of(T2, T2.plusSeconds(1)))).isTrue();
    }

    @Test
    void check_endedAtWithoutReason_orEndingAtBoundAt_isRefused() {
        assertThatThrownBy(() -> ImmutableTagBinding.builder()
                        .resourceId(VM)
                        .tag(Tag.of("team", "web"))
                        .boundAt(T0)
                        .endedAt(T1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag binding team=web on ins-1: endedAt and end go together (endedAt=2024-09-10T00:00:00Z,"
                        + " end=null)");
        assertThatThrownBy(() -> ImmutableTagBinding.builder()
                        .resourceId(VM)
                        .tag(Tag.of("team", "web"))
                        .boundAt(T0)
                        .end(TagBinding.End.UNBOUND)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag binding team=web on ins-1: endedAt and end go together (endedAt=null, end=UNBOUND)");
        TagBinding b = TagBinding.of(VM, Tag.of("team", "web"), T0);
        assertThatThrownBy(() -> b.endedAt(T0, TagBinding.End.UNBOUND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag binding team=web on ins-1: endedAt 2024-09-01T00:00:00Z is not after boundAt"
                        + " 2024-09-01T00:00:00Z");
        assertThat(b.endedAt(T0.plusNanos(1), TagBinding.End.UNBOUND).endedAt()).contains(T0.plusNanos(1));
    }

    @Test
    void equals_differentResourcesOrBindings_differ() {
        TagBinding web = TagBinding.of(VM, Tag.of("team", "web"), T0);
        TagBindings one = TagBindings.of(List.of(web));

        assertThat(one)
                .isNotEqualTo(
                        TagBindings.of(List.of(TagBinding.of(ResourceId.of("ins-2"), Tag.of("team", "web"), T0))));
        assertThat(one).isNotEqualTo(web);
        assertThat(one).isNotEqualTo(TagBindings.empty());
        assertThat(one.hashCode()).isNotEqualTo(TagBindings.empty().hashCode());
        assertThat(TagBindings.empty()).hasToString("TagBindings[0 bindings of 0 resources]");
    }
}
