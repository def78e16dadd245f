package org.cloudbilling.reseller.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.t;

import java.util.Optional;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("RES-1")
class ChannelTest {

    @Test
    void roles_distributorAndSecondLevelResellers_areToldApart() {
        Channel c = channel();
        assertThat(c.roleOf(DIST)).isEqualTo(PartnerRole.DISTRIBUTOR);
        assertThat(c.roleOf(R1)).isEqualTo(PartnerRole.RESELLER);
        assertThat(c.distributorOf(R2)).contains(DIST);
        assertThat(c.distributorOf(DIST)).isEmpty();
        assertThat(c.resellersOf(DIST)).containsExactly(R1, R2);
    }

    @Test
    void partnerAt_boundThenUnbound_isEndCustomerOnlyWithinTheTenure() {
        Channel c = channel().bound(ALICE, R1, t("2024-09-01T00:00")).unbound(ALICE, t("2024-09-17T10:00"));
        assertThat(c.partnerAt(ALICE, t("2024-08-31T23:59"))).isEmpty();
        assertThat(c.partnerAt(ALICE, t("2024-09-01T00:00"))).contains(R1);
        assertThat(c.partnerAt(ALICE, t("2024-09-17T09:59"))).contains(R1);
        assertThat(c.partnerAt(ALICE, t("2024-09-17T10:00"))).isEmpty();
        assertThat(c.bindingsOf(ALICE))
                .containsExactly(new Binding(ALICE, R1, Tenure.between(t("2024-09-01T00:00"), t("2024-09-17T10:00"))));
    }

    @Test
    void bound_movedBetweenResellers_keepsBothIntervals() {
        Channel c = channel()
                .bound(ALICE, R1, t("2024-09-01T00:00"))
                .unbound(ALICE, t("2024-09-10T00:00"))
                .bound(ALICE, R2, t("2024-09-10T00:00"));
        Interval september = Interval.of(t("2024-09-01T00:00"), t("2024-10-01T00:00"));
        assertThat(c.customersOf(R1, september)).containsExactly(ALICE);
        assertThat(c.customersOf(R2, september)).containsExactly(ALICE);
        assertThat(c.customersOf(R1, Interval.of(t("2024-09-10T00:00"), t("2024-10-01T00:00"))))
                .isEmpty();
        assertThat(c.partnerAt(ALICE, t("2024-09-10T00:00"))).contains(R2);
    }

    @Test
    void bound_overlappingBinding_isRefused() {
        Channel c = channel().bound(ALICE, R1, t("2024-09-01T00:00"));
        assertThatThrownBy(() -> c.bound(ALICE, R2, t("2024-09-05T00:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer 100000000101 has overlapping bindings");
    }

    @Test
    void build_unknownPartnerOrDistributor_isRefused() {
        assertThatThrownBy(() -> channel().bound(BOB, PartnerUin.of("999"), t("2024-09-01T00:00")))
                .hasMessageContaining("999, which is not a partner of this channel");
        assertThatThrownBy(() -> Channel.builder().reseller(R1, DIST))
                .hasMessageContaining("names 200000000001 as its distributor, which is not a distributor");
        assertThatThrownBy(() -> channel().unbound(BOB, t("2024-09-01T00:00")))
                .hasMessageContaining("has no open binding");
    }

    @Test
    void channel_isImmutable_boundReturnsANewChannel() {
        Channel before = channel();
        Channel after = before.bound(ALICE, R1, t("2024-09-01T00:00"));
        assertThat(before.partnerAt(ALICE, t("2024-09-02T00:00"))).isEqualTo(Optional.empty());
        assertThat(after).isNotEqualTo(before);
    }
}
