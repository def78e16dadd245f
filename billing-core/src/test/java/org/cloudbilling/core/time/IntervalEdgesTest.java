package org.cloudbilling.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalEdgesTest {
    private static final Instant T0 = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-09-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2024-09-01T02:00:00Z");
    private static final Instant T3 = Instant.parse("2024-09-01T03:00:00Z");

    @Test
    void of_oneNanosecond_isTheShortestInterval() {
        Interval nano = Interval.of(T0, T0.plusNanos(1));

        assertThat(nano.duration()).isEqualTo(Duration.ofNanos(1));
        assertThat(nano.contains(T0)).isTrue();
        assertThat(nano.contains(T0.plusNanos(1))).isFalse();
    }

    @Test
    void of_endBeforeStart_isRefusedNamingBoth() {
        assertThatThrownBy(() -> Interval.of(T1, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval end 2024-09-01T00:00:00Z is not after its start 2024-09-01T01:00:00Z");
        assertThatThrownBy(() -> Interval.of(null, T0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("start");
        assertThatThrownBy(() -> Interval.of(T0, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("end");
    }

    @Test
    void ofInclusiveEnd_sameSecond_isOneSecondLong() {
        Interval second = Interval.ofInclusiveEnd(T0, T0);

        assertThat(second.end()).isEqualTo(T0.plusSeconds(1));
        assertThat(second.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> Interval.ofInclusiveEnd(T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contains_justBeforeStart_isFalse_lastNanoBeforeEnd_isTrue() {
        Interval i = Interval.of(T0, T1);

        assertThat(i.contains(T0.minusNanos(1))).isFalse();
        assertThat(i.contains(T0)).isTrue();
        assertThat(i.contains(T1.minusNanos(1))).isTrue();
        assertThat(i.contains(T1)).isFalse();
    }

    @Test
    void isWithin_sameBoundsIsWithin_oneNanoOutsideIsNot() {
        Interval outer = Interval.of(T0, T2);

        assertThat(outer.isWithin(outer)).isTrue();
        assertThat(Interval.of(T0, T1).isWithin(outer)).isTrue();
        assertThat(Interval.of(T1, T2).isWithin(outer)).isTrue();
        assertThat(Interval.of(T0.minusNanos(1), T1).isWithin(outer)).isFalse();
        assertThat(Interval.of(T1, T2.plusNanos(1)).isWithin(outer)).isFalse();
        assertThat(outer.isWithin(Interval.of(T0, T1))).isFalse();
    }

    @Test
    void overlaps_adjacentIntervals_doNotOverlap_oneSharedNanoDoes() {
        Interval first = Interval.of(T0, T1);
        Interval second = Interval.of(T1, T2);
        Interval sharingANano = Interval.of(T1.minusNanos(1), T2);

        assertThat(first.overlaps(second)).isFalse();
        assertThat(second.overlaps(first)).isFalse();
        assertThat(first.overlaps(sharingANano)).isTrue();
        assertThat(sharingANano.overlaps(first)).isTrue();
        assertThat(first.overlaps(Interval.of(T2, T3))).isFalse();
        assertThat(Interval.of(T2, T3).overlaps(first)).isFalse();
        assertThat(Interval.of(T0, T3).overlaps(Interval.of(T1, T2))).isTrue();
        assertThat(first.overlaps(first)).isTrue();
    }

    @Test
    void equals_byStartAndEnd_andHashCodeAgrees() {
        Interval i = Interval.of(T0, T1);

        assertThat(i).isEqualTo(Interval.of(T0, T1)).hasSameHashCodeAs(Interval.of(T0, T1));
        assertThat(i).isNotEqualTo(Interval.of(T0, T2));
        assertThat(i).isNotEqualTo(Interval.of(T0.minusNanos(1), T1));
        assertThat(i).isNotEqualTo(T0);
        assertThat(i.hashCode()).isNotEqualTo(Interval.of(T0, T2).hashCode());
        assertThat(i.hashCode())
                .isNotEqualTo(Interval.of(T0.minusSeconds(1), T1).hashCode());
        assertThat(i).hasToString("[2024-09-01T00:00:00Z, 2024-09-01T01:00:00Z)");
    }
}
