package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Test;

class DimensionTest {
    private static final LineItem FULL = BillFixtures.CVM_HOUR;
    /** An item without operator, product, item, region, project, resource, instance type or tags. */
    private static final LineItem SPARSE = BillFixtures.DISK_REFUND;

    private static final List<Dimension> FIXED = List.of(
            Dimension.OWNER,
            Dimension.PAYER,
            Dimension.OPERATOR,
            Dimension.BUSINESS,
            Dimension.PRODUCT,
            Dimension.ITEM,
            Dimension.REGION,
            Dimension.PROJECT,
            Dimension.RESOURCE,
            Dimension.INSTANCE_TYPE,
            Dimension.PAY_MODE,
            Dimension.ACTION_TYPE,
            Dimension.DAY,
            Dimension.MONTH);

    @Test
    void valueOf_eachFixedDimension_readsItsOwnField() {
        BillingCalendar utc8 = BillingCalendar.TENCENT;

        assertThat(Dimension.OWNER.valueOf(FULL, utc8)).isEqualTo("100000000002");
        assertThat(Dimension.PAYER.valueOf(FULL, utc8)).isEqualTo("100000000001");
        assertThat(Dimension.OPERATOR.valueOf(FULL, utc8)).isEqualTo("100000000003");
        assertThat(Dimension.BUSINESS.valueOf(FULL, utc8)).isEqualTo("p_cvm");
        assertThat(Dimension.PRODUCT.valueOf(FULL, utc8)).isEqualTo("sp_cvm_s5");
        assertThat(Dimension.ITEM.valueOf(FULL, utc8)).isEqualTo("v_cvm_cpu");
        assertThat(Dimension.REGION.valueOf(FULL, utc8)).isEqualTo("ap-guangzhou");
        assertThat(Dimension.PROJECT.valueOf(FULL, utc8)).isEqualTo("0");
        assertThat(Dimension.RESOURCE.valueOf(FULL, utc8)).isEqualTo("ins-8f3k2j1a");
        assertThat(Dimension.INSTANCE_TYPE.valueOf(FULL, utc8)).isEqualTo("S5.MEDIUM4");
        assertThat(Dimension.PAY_MODE.valueOf(FULL, utc8)).isEqualTo("POSTPAID");
        assertThat(Dimension.ACTION_TYPE.valueOf(FULL, utc8)).isEqualTo("USAGE");
        assertThat(Dimension.tag(TagKey.of("team")).valueOf(FULL, utc8)).isEqualTo("payments");
    }

    @Test
    void valueOf_dayAndMonth_areCutInTheCalendarZone() {
        // the refund's period starts 2024-09-10T04:00Z: 12:00 the same day in UTC+8, 23:00 the day before in UTC-5
        BillingCalendar minus5 = BillingCalendar.of(ZoneOffset.ofHours(-5), 5, 3);

        assertThat(Dimension.DAY.valueOf(SPARSE, BillingCalendar.TENCENT)).isEqualTo("2024-09-10");
        assertThat(Dimension.DAY.valueOf(SPARSE, minus5)).isEqualTo("2024-09-09");
        assertThat(Dimension.MONTH.valueOf(SPARSE, BillingCalendar.TENCENT)).isEqualTo("2024-09");
        // CVM_HOUR starts 2024-09-17T16:00Z, 00:00 on the 18th in UTC+8
        assertThat(Dimension.DAY.valueOf(FULL, BillingCalendar.TENCENT)).isEqualTo("2024-09-18");
    }

    @Test
    void valueOf_absentOptionalFields_areNull() {
        BillingCalendar utc8 = BillingCalendar.TENCENT;

        assertThat(Dimension.OPERATOR.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.PRODUCT.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.ITEM.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.REGION.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.PROJECT.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.RESOURCE.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.INSTANCE_TYPE.valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.tag(TagKey.of("team")).valueOf(SPARSE, utc8)).isNull();
        assertThat(Dimension.PAY_MODE.valueOf(SPARSE, utc8)).isEqualTo("PREPAID");
        assertThat(Dimension.ACTION_TYPE.valueOf(SPARSE, utc8)).isEqualTo("REFUND");
    }

    @Test
    void parse_everyFixedName_givesBackItsDimension() {
        List<String> names = List.of(
                "ownerUin",
                "payerUin",
                "operatorUin",
                "businessCode",
                "productCode",
                "itemCode",
                "regionId",
                "projectId",
                "resourceId",
                "instanceType",
                "payMode",
                "actionType",
                "day",
                "month");
        for (int i = 0; i < names.size(); i++) {
            assertThat(Dimension.parse(names.get(i))).isSameAs(FIXED.get(i));
            assertThat(FIXED.get(i).name()).isEqualTo(names.get(i));
            assertThat(FIXED.get(i)).hasToString(names.get(i));
            assertThat(FIXED.get(i).tagKey()).isEmpty();
        }
    }

    @Test
    void parse_unknownName_listsEveryKnownName() {
        assertThatThrownBy(() -> Dimension.parse("owner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown dimension 'owner'; known: id, ownerUin, payerUin, operatorUin,"
                        + " businessCode, productCode, itemCode, regionId, projectId, resourceId, instanceType, payMode,"
                        + " settlementCycle, actionType, chargeCategory,")
                .hasMessageEndingWith(", contractedCost, day, month, tag:KEY, and every FOCUS column (ServiceName,"
                        + " SubAccountId, ServiceCategory, ChargeCategory, ...)");
    }

    @Test
    void tag_nameAndKey_roundTripThroughParse() {
        Dimension team = Dimension.tag(TagKey.of("team"));

        assertThat(team.name()).isEqualTo("tag:team");
        assertThat(team).hasToString("tag:team");
        assertThat(team.tagKey()).contains(TagKey.of("team"));
        assertThat(Dimension.parse("tag:team")).isEqualTo(team);
        assertThat(Dimension.parse("tag:team").tagKey()).contains(TagKey.of("team"));
    }

    @Test
    void tag_nullKey_isRefusedNamingIt() {
        assertThatThrownBy(() -> Dimension.tag(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> Dimension.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void equals_tagDimensions_equalByKeyOnly() {
        Dimension team = Dimension.tag(TagKey.of("team"));
        Dimension sameTeam = Dimension.tag(TagKey.of("team"));
        Dimension org = Dimension.tag(TagKey.of("org"));

        assertThat(team).isEqualTo(sameTeam).hasSameHashCodeAs(sameTeam);
        assertThat(team).isNotEqualTo(org);
        assertThat(team).isNotEqualTo(Dimension.OWNER);
        assertThat(Dimension.OWNER).isNotEqualTo(Dimension.PAYER);
        assertThat(Dimension.OWNER).isNotEqualTo("ownerUin");
        assertThat(Dimension.OWNER.hashCode()).isNotEqualTo(Dimension.PAYER.hashCode());
        assertThat(team.hashCode()).isNotEqualTo(org.hashCode());
    }

    @Test
    void isTemporal_onlyForDayAndMonth() {
        for (Dimension d : FIXED) {
            assertThat(d.isTemporal()).as(d.name()).isEqualTo(d == Dimension.DAY || d == Dimension.MONTH);
        }
        assertThat(Dimension.tag(TagKey.of("day")).isTemporal()).isFalse();
    }

    @Test
    void checkDistinct_repeatedDimension_isRefusedListingThem() {
        List<Dimension> repeated = List.of(Dimension.OWNER, Dimension.tag(TagKey.of("a")), Dimension.OWNER);

        assertThatThrownBy(() -> Dimension.checkDistinct(repeated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimensions repeat: [ownerUin, tag:a, ownerUin]");
        Dimension.checkDistinct(List.of(Dimension.OWNER, Dimension.tag(TagKey.of("a")), Dimension.tag(TagKey.of("b"))));
    }

    @Test
    void grouping_temporalDimensionWithoutCalendar_isRefusedNamingIt() {
        assertThatThrownBy(() -> Grouping.by(Dimension.OWNER, Dimension.DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension day cuts time and needs a calendar: use Grouping.by(calendar, dimensions)");
        assertThatThrownBy(() -> Grouping.by(Dimension.MONTH)).hasMessageContaining("dimension month cuts time");
        assertThatThrownBy(() -> Grouping.by(Dimension.PAYER, Dimension.PAYER))
                .hasMessage("dimensions repeat: [payerUin, payerUin]");
        assertThatThrownBy(() -> Grouping.by(BillingCalendar.TENCENT, Dimension.DAY, Dimension.DAY))
                .hasMessage("dimensions repeat: [day, day]");
    }

    @Test
    void grouping_equalityIncludesTheCalendar() {
        Grouping plain = Grouping.by(Dimension.OWNER);
        Grouping utc8 = Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER);
        Grouping utc = Grouping.by(BillingCalendar.of(ZoneOffset.UTC, 5, 3), Dimension.OWNER);

        assertThat(plain)
                .isEqualTo(Grouping.by(List.of(Dimension.OWNER)))
                .hasSameHashCodeAs(Grouping.by(Dimension.OWNER));
        assertThat(utc8).isEqualTo(Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER));
        assertThat(utc8).hasSameHashCodeAs(Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER));
        assertThat(plain).isNotEqualTo(utc8);
        assertThat(utc8).isNotEqualTo(utc);
        assertThat(plain).isNotEqualTo(Grouping.by(Dimension.PAYER));
        assertThat(plain).isNotEqualTo("Grouping[ownerUin]");
        assertThat(plain).hasToString("Grouping[ownerUin]");
        assertThat(utc8).hasToString("Grouping[ownerUin] in +08:00");
        assertThat(utc8.dimensions()).containsExactly(Dimension.OWNER);
    }
}
