package org.cloudbilling.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierContractTest {

    @Test
    void equals_sameTypeAndValue_only() {
        OwnerUin owner = OwnerUin.of("100");

        assertThat(owner).isEqualTo(OwnerUin.of("100")).hasSameHashCodeAs(OwnerUin.of("100"));
        assertThat(owner).isNotEqualTo(OwnerUin.of("101"));
        assertThat(owner).isNotEqualTo(PayerUin.of("100"));
        assertThat(owner.hashCode()).isNotEqualTo(PayerUin.of("100").hashCode());
        assertThat(owner.equals(null)).isFalse();
        assertThat(owner.equals("100")).isFalse();
        assertThat(owner).hasToString("100");
        assertThat(owner.value()).isEqualTo("100");
    }

    @Test
    void compareTo_byValueWithinAType_byTypeNameAcrossTypes() {
        assertThat(OwnerUin.of("100").compareTo(OwnerUin.of("99"))).isNegative();
        assertThat(OwnerUin.of("99").compareTo(OwnerUin.of("100"))).isPositive();
        assertThat(OwnerUin.of("1").compareTo(OwnerUin.of("1"))).isZero();
        // org.cloudbilling.core.id.OwnerUin sorts before org.cloudbilling.core.id.PayerUin, whatever the values
        assertThat(OwnerUin.of("9").compareTo(PayerUin.of("1"))).isNegative();
        assertThat(PayerUin.of("1").compareTo(OwnerUin.of("9"))).isPositive();
    }

    @Test
    void of_emptyOrNull_isRefusedNamingWhatItIs() {
        assertThatThrownBy(() -> TagKey.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag key is empty");
        assertThatThrownBy(() -> TagKey.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tag key");
        assertThat(TagKey.of(" ").value()).isEqualTo(" ");
    }

    @Test
    void tag_ordersByKeyThenValue_andEqualsByBoth() {
        Tag teamWeb = Tag.of("team", "web");

        assertThat(Tag.of("env", "z").compareTo(teamWeb)).isNegative();
        assertThat(teamWeb.compareTo(Tag.of("env", "z"))).isPositive();
        assertThat(Tag.of("team", "data").compareTo(teamWeb)).isNegative();
        assertThat(teamWeb.compareTo(Tag.of("team", "data"))).isPositive();
        assertThat(teamWeb.compareTo(Tag.of(TagKey.of("team"), "web"))).isZero();
        assertThat(teamWeb).isEqualTo(Tag.of(TagKey.of("team"), "web")).hasSameHashCodeAs(Tag.of("team", "web"));
        assertThat(teamWeb).isNotEqualTo(Tag.of("team", "data"));
        assertThat(teamWeb).isNotEqualTo(Tag.of("group", "web"));
        assertThat(teamWeb).isNotEqualTo("team=web");
        assertThat(teamWeb.hashCode()).isNotEqualTo(Tag.of("team", "data").hashCode());
        assertThat(teamWeb.hashCode()).isNotEqualTo(Tag.of("group", "web").hashCode());
        assertThat(teamWeb).hasToString("team=web");
        assertThat(Tag.of("team", "").value()).isEmpty();
    }

    @Test
    void tag_nulls_areRefusedNamingThem() {
        assertThatThrownBy(() -> Tag.of((TagKey) null, "v"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> Tag.of("k", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }
}
