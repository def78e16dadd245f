package org.cloudbilling.reseller.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Random;
import org.cloudbilling.core.daily.StaleStateException;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.daily.StateJson;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.Fixtures;
import org.cloudbilling.reseller.bill.CustomerDiscount;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Binding;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.channel.ProjectHistory;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.CreditState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DAILY-4: channels, reseller settings, credit states and project histories as versioned JSON with a revision. */
class ResellerStateJsonTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final PartnerUin D1 = PartnerUin.of("d-1");
    private static final PartnerUin R1 = PartnerUin.of("r-1");

    private static <T> String json(StateJson.Form<T, ?> form, StateDocument<T> doc) {
        StringWriter out = new StringWriter();
        ResellerStateJson.write(form, doc, out);
        return out.toString();
    }

    private static <T> StateDocument<T> read(StateJson.Form<T, ?> form, String json) {
        return ResellerStateJson.read(form, new StringReader(json), "state.json");
    }

    private static <T> void roundTrip(StateJson.Form<T, ?> form, T value, Random random) {
        StateDocument<T> doc = ResellerStateJson.document(form, value);
        int changes = random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            doc = doc.apply(v -> v, doc.revision());
        }
        StateDocument<T> back = read(form, json(form, doc));
        assertThat(back).isEqualTo(doc);
        assertThat(back.value()).isEqualTo(value);
        assertThat(back.revision()).isEqualTo(changes);
    }

    private static Instant at(Random random) {
        return T0.plusSeconds(random.nextInt(1_000_000) * 60L + (random.nextBoolean() ? 0 : random.nextInt(60)));
    }

    static Channel channel(Random random) {
        Channel.Builder b = Channel.builder().distributor(D1);
        int resellers = random.nextInt(3);
        for (int i = 0; i < resellers; i++) {
            b.reseller(PartnerUin.of("r-" + i), D1);
        }
        for (int c = 0; c < random.nextInt(5); c++) {
            Instant from = at(random);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                PartnerUin p = resellers == 0 ? D1 : PartnerUin.of("r-" + random.nextInt(resellers));
                OwnerUin customer = OwnerUin.of("c-" + c);
                if (random.nextInt(3) == 0) {
                    b.binding(new Binding(customer, p, Tenure.since(from)));
                    break;
                }
                Instant until = from.plusSeconds(1 + random.nextInt(10_000_000));
                b.binding(new Binding(customer, p, Tenure.between(from, until)));
                from = until.plusSeconds(random.nextInt(100));
            }
        }
        return b.build();
    }

    static ResellerSettings settings(Random random) {
        ResellerSettings.Builder b = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .billBFeatures(Fixtures.billBFeatures(random.nextBoolean(), random.nextBoolean()));
        if (random.nextBoolean()) {
            b.tagKeyDelay(Duration.ofMinutes(random.nextInt(5000)));
        }
        if (random.nextBoolean()) {
            b.putCustomerDiscount(OwnerUin.of("c-0"), new BigDecimal("0.90"));
        }
        for (int i = 0; i < random.nextInt(4); i++) {
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(1_000_001), 6);
            b.addDiscount(
                    random.nextBoolean()
                            ? CustomerDiscount.from(OwnerUin.of("c-" + (i + 1)), at(random), rate)
                            : CustomerDiscount.forProduct(
                                    OwnerUin.of("c-" + (i + 1)), BusinessCode.of("p_cvm"), at(random), rate));
        }
        if (random.nextBoolean()) {
            b.putBillingTagKey(TagKey.of("team"), at(random));
        }
        return b.build();
    }

    static CreditState credit(Random random) {
        CreditState s = CreditState.opening(R1, Money.of(CNY, BigDecimal.valueOf(random.nextLong() % 10_000_000, 2)));
        java.util.Map<OwnerUin, Money> credit = new java.util.HashMap<>();
        java.util.Map<CustomerMonth, Money> confirmed = new java.util.HashMap<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            credit.put(OwnerUin.of("c-" + i), Money.of(CNY, BigDecimal.valueOf(random.nextInt(100_000) - 50_000, 3)));
            confirmed.put(
                    new CustomerMonth(OwnerUin.of("c-" + i), R1, BillingMonth.of(2024, 1 + random.nextInt(12))),
                    Money.of(CNY, BigDecimal.valueOf(1 + random.nextInt(100_000), 2)));
        }
        return new CreditState(R1, s.pool(), credit, confirmed);
    }

    static ProjectHistory projects(Random random) {
        ProjectHistory h = ProjectHistory.empty();
        for (int r = 0; r < random.nextInt(4); r++) {
            Instant from = at(random);
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                h = h.moved(ResourceId.of("ins-" + r), ProjectId.of("p-" + random.nextInt(3)), from);
                from = from.plusSeconds(1 + random.nextInt(1_000_000));
            }
        }
        return h;
    }

    @Test
    @Tag("DAILY-4")
    void anyResellerState_readsBackEqual_withItsRevision() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            roundTrip(ResellerStateJson.CHANNEL, channel(random), random);
            roundTrip(ResellerStateJson.SETTINGS, settings(random), random);
            roundTrip(ResellerStateJson.CREDIT, credit(random), random);
            roundTrip(ResellerStateJson.PROJECTS, projects(random), random);
        });
    }

    @Test
    @Tag("DAILY-4")
    void aDiscountAlwaysInForce_andExactRates_readBackEqual() {
        ResellerSettings s = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addDiscount(CustomerDiscount.of(OwnerUin.of("c-1"), new BigDecimal("0.850")))
                .putCustomerDiscount(OwnerUin.of("c-2"), new BigDecimal("1.00"))
                .build();
        StateDocument<ResellerSettings> back = read(
                ResellerStateJson.SETTINGS,
                json(ResellerStateJson.SETTINGS, ResellerStateJson.document(ResellerStateJson.SETTINGS, s)));
        assertThat(back.value()).isEqualTo(s);
        assertThat(back.value().discounts().get(0).rate())
                .isEqualByComparingTo("0.85")
                .hasScaleOf(3);
        assertThat(back.value().discounts().get(0).effectiveFrom()).isEqualTo(CustomerDiscount.BEGINNING_OF_TIME);
    }

    @Test
    @Tag("DAILY-4")
    void bindingOnAStaleChannel_isRefused_andTheChannelIsUnchanged() {
        Channel channel = Channel.builder().distributor(D1).reseller(R1, D1).build();
        StateDocument<Channel> stored = ResellerStateJson.document(ResellerStateJson.CHANNEL, channel);
        OwnerUin c1 = OwnerUin.of("c-1");
        // worker A binds c-1 from 1 January; worker B, still on revision 0, tries to bind it elsewhere
        StateDocument<Channel> a = stored.apply(ch -> ch.bound(c1, R1, T0), 0);
        String written = json(ResellerStateJson.CHANNEL, a);
        StateDocument<Channel> current = read(ResellerStateJson.CHANNEL, written);
        assertThat(current.revision()).isEqualTo(1);
        assertThatThrownBy(() -> current.apply(ch -> ch.bound(c1, D1, T0.plusSeconds(3600)), 0))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("channel is at revision 1, the change was made on revision 0");
        assertThat(current.value().partnerAt(c1, T0.plusSeconds(7200))).contains(R1);
        assertThat(json(ResellerStateJson.CHANNEL, current)).isEqualTo(written);
        // on the current revision, the change is made
        StateDocument<Channel> b = current.apply(ch -> ch.unbound(c1, T0.plusSeconds(3600)), 1);
        assertThat(b.revision()).isEqualTo(2);
        assertThat(b.value().partnerAt(c1, T0.plusSeconds(7200))).isEmpty();
    }

    @Test
    @Tag("DAILY-4")
    void statesFromANewerVersion_areRefused() {
        String newer = json(
                        ResellerStateJson.PROJECTS,
                        ResellerStateJson.document(ResellerStateJson.PROJECTS, ProjectHistory.empty()))
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 7");
        assertThatThrownBy(() -> read(ResellerStateJson.PROJECTS, newer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid project history state.json: at $.formatVersion, line 3, column ")
                .hasMessageContaining("format version 7 is newer than this library reads (up to 1)");
    }

    @Test
    @Tag("DAILY-4")
    void corruptedStates_nameThePathLineAndColumn() {
        String channel = "{\"format\":\"cloudbilling.channel\",\"formatVersion\":1,\"revision\":4,\"state\":{\n"
                + "\"partners\":[{\"partner\":\"d-1\"}],\n"
                + "\"bindings\":[{\"customer\":\"c-1\",\"partner\":\"d-1\",\"from\":\"2024-13-01T00:00:00Z\"}]}}";
        assertThatThrownBy(() -> read(ResellerStateJson.CHANNEL, channel))
                .hasMessageContaining("invalid channel state.json: at $.state.bindings[0].from, line 3, column ");
        String unknownPartner =
                channel.replace("2024-13-01", "2024-12-01").replace("\"partner\":\"d-1\",", "\"partner\":\"x\",");
        assertThatThrownBy(() -> read(ResellerStateJson.CHANNEL, unknownPartner))
                .hasMessageContaining("at $.state, line 3")
                .hasMessageContaining("customer c-1 is bound to x, which is not a partner of this channel");
        String credit = "{\"format\":\"cloudbilling.credit-state\",\"formatVersion\":1,\"revision\":0,\"state\":{\n"
                + "\"reseller\":\"r-1\",\"pool\":{\"currency\":\"CNY\",\"amount\":\"10.00\"},\n"
                + "\"customerCredit\":[],\"confirmed\":[{\"customer\":\"c-1\",\"month\":\"2024-09\","
                + "\"amount\":{\"currency\":\"USD\",\"amount\":\"1.00\"}}]}}";
        assertThatThrownBy(() -> read(ResellerStateJson.CREDIT, credit))
                .hasMessageContaining("invalid credit state state.json: at $.state, line 3")
                .hasMessageContaining("is confirmed in USD, the pool in CNY");
        String truncated = credit.substring(0, credit.indexOf("\"confirmed\""));
        assertThatThrownBy(() -> read(ResellerStateJson.CREDIT, truncated))
                .hasMessageContaining("invalid credit state state.json: at $")
                .hasMessageContaining("line 3");
        String settings = "{\"format\":\"cloudbilling.reseller-settings\",\"formatVersion\":1,\"revision\":0,"
                + "\"state\":{\n\"reseller\":\"r-1\",\"currency\":\"CNY\",\"customerDiscountsEnabled\":true,"
                + "\"resellerPerspectiveEnabled\":false,\"customerDiscounts\":{\"c-1\":\"0,9\"},\"discounts\":[],"
                + "\"billingTagKeys\":{},\"tagKeyDelay\":\"PT24H\"}}";
        assertThatThrownBy(() -> read(ResellerStateJson.SETTINGS, settings))
                .hasMessageContaining("at $.state, line 2")
                .hasMessageContaining("customerDiscounts.c-1: \"0,9\" is not a decimal rate");
        String noFlag = settings.replace("\"resellerPerspectiveEnabled\":false,", "");
        assertThatThrownBy(() -> read(ResellerStateJson.SETTINGS, noFlag))
                .hasMessageContaining("at $.state")
                .hasMessageContaining("resellerPerspectiveEnabled");
        String otherForm = json(
                ResellerStateJson.PROJECTS,
                ResellerStateJson.document(ResellerStateJson.PROJECTS, ProjectHistory.empty()));
        assertThatThrownBy(() -> read(ResellerStateJson.CHANNEL, otherForm))
                .hasMessageContaining("is a cloudbilling.project-history, not a cloudbilling.channel");
    }
}
