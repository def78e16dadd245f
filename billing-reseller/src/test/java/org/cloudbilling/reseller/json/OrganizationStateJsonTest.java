package org.cloudbilling.reseller.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.daily.StaleStateException;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.daily.StateJson;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.organization.CreditPolicy;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.FundLedger;
import org.cloudbilling.reseller.organization.FundMovement;
import org.cloudbilling.reseller.organization.Membership;
import org.cloudbilling.reseller.organization.MovementId;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.cloudbilling.reseller.organization.Permission;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DAILY-4: organizations and fund ledgers as versioned JSON with a revision. */
class OrganizationStateJsonTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final OwnerUin ADMIN = OwnerUin.of("300000000001");
    private static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");

    private static <T> String json(StateJson.Form<T, ?> form, StateDocument<T> doc) {
        StringWriter out = new StringWriter();
        OrganizationStateJson.write(form, doc, out);
        return out.toString();
    }

    private static <T> StateDocument<T> read(StateJson.Form<T, ?> form, String json) {
        return OrganizationStateJson.read(form, new StringReader(json), "org.json");
    }

    private static Money cny(String amount) {
        return Money.of(CNY, new BigDecimal(amount));
    }

    private static Instant at(Random random) {
        return T0.plusSeconds(random.nextInt(1_000_000) * 60L);
    }

    static Organization organization(Random random) {
        Organization.Builder b = Organization.builder(
                        ADMIN, random.nextBoolean() ? PaymentMode.UNIFIED : PaymentMode.SELF_PAY)
                .entity(new Entity(EntityId.of("hq"), ADMIN, "Acme HQ"));
        int entities = 1 + random.nextInt(3);
        for (int e = 1; e < entities; e++) {
            b.entity(new Entity(EntityId.of("e-" + e), OwnerUin.of("30000000010" + e), "Entity " + e));
        }
        for (int m = 0; m < random.nextInt(5); m++) {
            EntityId entity = random.nextBoolean() || entities == 1 ? EntityId.of("hq") : EntityId.of("e-1");
            Instant from = at(random);
            Tenure tenure = random.nextBoolean()
                    ? Tenure.since(from)
                    : Tenure.between(from, from.plusSeconds(1 + random.nextInt(1_000_000)));
            b.membership(new Membership(OwnerUin.of("30000000020" + m), entity, tenure));
        }
        if (random.nextBoolean()) {
            b.paymentMode(EntityId.of("hq"), at(random), PaymentMode.SELF_PAY);
        }
        Permission[] all = Permission.values();
        for (int g = 0; g < random.nextInt(3); g++) {
            Permission p = all[random.nextInt(all.length)];
            if (random.nextBoolean()) {
                b.grant(OwnerUin.of("30000000020" + g), p);
            } else {
                b.grant(OwnerUin.of("30000000020" + g), at(random), p, all[random.nextInt(all.length)]);
            }
        }
        return b.build();
    }

    static FundLedger ledger(Random random) {
        CreditPolicy policy = random.nextBoolean()
                ? CreditPolicy.NEVER_BELOW_ZERO
                : CreditPolicy.of("trusted", Map.of(SUB_ADMIN, cny(random.nextInt(10_000) + ".50")));
        List<FundMovement> movements = new ArrayList<>();
        for (int i = 0; i < random.nextInt(6); i++) {
            MovementId id = MovementId.of("m-" + i);
            Money amount = Money.of(CNY, BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(4)));
            movements.add(
                    switch (random.nextInt(4)) {
                        case 0 -> FundMovement.topUp(id, at(random), ADMIN, ADMIN, amount);
                        case 1 -> FundMovement.allocation(id, at(random), ADMIN, SUB_ADMIN, amount);
                        case 2 -> FundMovement.consumption(id, at(random), SUB_ADMIN, amount);
                        default -> FundMovement.refund(id, at(random), SUB_ADMIN, amount);
                    });
        }
        return new FundLedger(CNY, policy, movements);
    }

    @Test
    @Tag("DAILY-4")
    void anyOrganizationAndFundLedger_readBackEqual_withTheirRevision() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Organization org = organization(random);
            StateDocument<Organization> o = StateDocument.of("organization", random.nextInt(1000), org);
            assertThat(read(OrganizationStateJson.ORGANIZATION, json(OrganizationStateJson.ORGANIZATION, o)))
                    .isEqualTo(o);
            FundLedger ledger = ledger(random);
            StateDocument<FundLedger> l = StateDocument.of("fund ledger", random.nextInt(1000), ledger);
            StateDocument<FundLedger> back = read(OrganizationStateJson.FUNDS, json(OrganizationStateJson.FUNDS, l));
            assertThat(back).isEqualTo(l);
            assertThat(back.value().movements()).containsExactlyElementsOf(ledger.movements());
        });
    }

    @Test
    @Tag("DAILY-4")
    void aGrantWithoutStart_readsBackAsHeldAlways() {
        Organization org = Organization.builder(ADMIN, PaymentMode.UNIFIED)
                .entity(new Entity(EntityId.of("hq"), ADMIN, "Acme HQ"))
                .grant(SUB_ADMIN, Permission.ALLOCATE_FUNDS)
                .build();
        Organization back = read(
                        OrganizationStateJson.ORGANIZATION,
                        json(OrganizationStateJson.ORGANIZATION, StateDocument.initial("organization", org)))
                .value();
        assertThat(back).isEqualTo(org);
        assertThat(back.holdsAt(SUB_ADMIN, Permission.ALLOCATE_FUNDS, Instant.parse("1970-01-01T00:00:00Z")))
                .isTrue();
    }

    @Test
    @Tag("DAILY-4")
    void aMovementOnAStaleLedger_isRefused_andTheLedgerIsUnchanged() {
        Organization org = Organization.builder(ADMIN, PaymentMode.UNIFIED)
                .entity(new Entity(EntityId.of("hq"), ADMIN, "Acme HQ"))
                .grant(ADMIN, Permission.ALLOCATE_FUNDS)
                .build();
        StateDocument<FundLedger> stored = StateDocument.initial("fund ledger", FundLedger.empty(CNY));
        // worker A tops up 100.00 on revision 0 and writes revision 1
        StateDocument<FundLedger> a = stored.apply(
                l -> l.apply(org, FundMovement.topUp(MovementId.of("t1"), T0, ADMIN, ADMIN, cny("100.00")))
                        .state(),
                0);
        String written = json(OrganizationStateJson.FUNDS, a);
        StateDocument<FundLedger> current = read(OrganizationStateJson.FUNDS, written);
        // worker B, still on revision 0, tops up 50.00: refused, not merged
        assertThatThrownBy(() -> current.apply(
                        l -> l.apply(org, FundMovement.topUp(MovementId.of("t2"), T0, ADMIN, ADMIN, cny("50.00")))
                                .state(),
                        0))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("fund ledger is at revision 1, the change was made on revision 0");
        assertThat(current.value().movements()).hasSize(1);
        assertThat(current.value().balanceOf(org, ADMIN, ADMIN, T0.plusSeconds(1)))
                .isEqualTo(cny("100.00"));
        assertThat(json(OrganizationStateJson.FUNDS, current)).isEqualTo(written);
    }

    @Test
    @Tag("DAILY-4")
    void newerOrCorruptedStates_areRefusedNamingPathLineAndColumn() {
        String ledger = json(OrganizationStateJson.FUNDS, StateDocument.initial("fund ledger", FundLedger.empty(CNY)));
        assertThatThrownBy(() -> read(
                        OrganizationStateJson.FUNDS, ledger.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")))
                .hasMessageContaining("invalid fund ledger org.json: at $.formatVersion, line 3, column ")
                .hasMessageContaining("format version 2 is newer than this library reads (up to 1)");
        String twice = "{\"format\":\"cloudbilling.fund-ledger\",\"formatVersion\":1,\"revision\":2,\"state\":{\n"
                + "\"currency\":\"CNY\",\"creditPolicy\":{\"name\":\"never-below-zero\",\"limits\":[]},\"movements\":[\n"
                + "{\"id\":\"t1\",\"at\":\"2024-01-01T00:00:00Z\",\"kind\":\"TOP_UP\",\"from\":\"1\",\"to\":\"1\","
                + "\"amount\":{\"currency\":\"CNY\",\"amount\":\"1\"}},\n"
                + "{\"id\":\"t1\",\"at\":\"2024-01-01T00:00:00Z\",\"kind\":\"TOP_UP\",\"from\":\"1\",\"to\":\"1\","
                + "\"amount\":{\"currency\":\"CNY\",\"amount\":\"2\"}}]}}";
        assertThatThrownBy(() -> read(OrganizationStateJson.FUNDS, twice))
                .hasMessageContaining("at $.state, line 4")
                .hasMessageContaining("movements[1]: movement t1 appears twice");
        String badKind = twice.replace(
                "\"kind\":\"TOP_UP\",\"from\":\"1\",\"to\":\"1\",\"amount\":{\"currency\":"
                        + "\"CNY\",\"amount\":\"2\"}",
                "\"kind\":\"GIFT\",\"from\":\"1\",\"to\":\"1\",\"amount\":{\"currency\":"
                        + "\"CNY\",\"amount\":\"2\"}");
        assertThatThrownBy(() -> read(OrganizationStateJson.FUNDS, badKind))
                .hasMessageContaining("at $.state.movements[1].kind, line 4, column ");
        String org = "{\"format\":\"cloudbilling.organization\",\"formatVersion\":1,\"revision\":0,\"state\":{\n"
                + "\"groupAdmin\":\"1\",\"mode\":\"UNIFIED\",\"entities\":[],\n"
                + "\"memberships\":[{\"member\":\"2\",\"entity\":\"hq\",\"from\":\"2024-01-01T00:00:00Z\"}],"
                + "\"modeChanges\":[],\"grants\":[]}}";
        assertThatThrownBy(() -> read(OrganizationStateJson.ORGANIZATION, org))
                .hasMessageContaining("invalid organization org.json: at $.state, line 3")
                .hasMessageContaining("member 2 belongs to entity hq, which is not an entity of the organization");
        assertThatThrownBy(() -> read(OrganizationStateJson.ORGANIZATION, org.substring(0, 120)))
                .hasMessageContaining("invalid organization org.json: at $")
                .hasMessageContaining("line ");
    }
}
