package org.cloudbilling.reseller.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CAROL;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.BillBRow;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.distributor.DistributorQueries;
import org.cloudbilling.reseller.organization.ConsolidatedBill;
import org.cloudbilling.reseller.organization.ConsolidatedRow;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.FundLedger;
import org.cloudbilling.reseller.organization.FundMovement;
import org.cloudbilling.reseller.organization.Membership;
import org.cloudbilling.reseller.organization.MovementId;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.OrganizationViews;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.cloudbilling.reseller.organization.Permission;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoped views as an attacker tries them: forged viewer ids, a reseller reaching for another reseller's
 * customers or a distributor's view, organization accounts without the permission, and leaks through totals,
 * counts, messages and returned collections.
 *
 * <p>The channel (times UTC+8): DIST has resellers R1, R2 and IZMIR; DIST2, another distributor, has R3.
 *
 * <ul>
 *   <li>Alice: R1 until 10 September 00:00, then R2.
 *   <li>Bob: R1 all month. Carol: R2 all month. Dan: R3. Irem: IZMIR.
 *   <li>Erin: R1 until 1 October 00:00 (midnight at the end of the month), then R2.
 *   <li>Frank: R2 until 1 September 00:00 (midnight on the 1st), then R1.
 * </ul>
 *
 * <p>Every amount is distinct, so that a leaked amount can be recognised in any text.
 */
@Tag("security")
class ScopedViewsAttackTest {
    private static final PartnerUin DIST2 = PartnerUin.of("200000000002");
    private static final PartnerUin R3 = PartnerUin.of("200000000013");
    private static final PartnerUin IZMIR = PartnerUin.of("r-izmir");
    private static final OwnerUin DAN = OwnerUin.of("100000000104");
    private static final OwnerUin ERIN = OwnerUin.of("100000000105");
    private static final OwnerUin FRANK = OwnerUin.of("100000000106");
    private static final OwnerUin IREM = OwnerUin.of("c-irem");
    private static final BillingCalendar CAL = BillingCalendar.TENCENT;
    private static final BillingMonth AUGUST = BillingMonth.of(2024, 8);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant AS_OF = t("2024-10-06T00:00");

    private static final Channel CHANNEL = Channel.builder()
            .distributor(DIST)
            .reseller(R1, DIST)
            .reseller(R2, DIST)
            .reseller(IZMIR, DIST)
            .distributor(DIST2)
            .reseller(R3, DIST2)
            .build()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .unbound(ALICE, t("2024-09-10T00:00"))
            .bound(ALICE, R2, t("2024-09-10T00:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, R2, t("2024-08-01T00:00"))
            .bound(DAN, R3, t("2024-08-01T00:00"))
            .bound(ERIN, R1, t("2024-08-01T00:00"))
            .unbound(ERIN, t("2024-10-01T00:00"))
            .bound(ERIN, R2, t("2024-10-01T00:00"))
            .bound(FRANK, R2, t("2024-08-01T00:00"))
            .unbound(FRANK, t("2024-09-01T00:00"))
            .bound(FRANK, R1, t("2024-09-01T00:00"))
            .bound(IREM, IZMIR, t("2024-08-01T00:00"));

    /** Each item: list price, and a lower total cost (the reseller's cost) that no end customer may see. */
    private static final List<LineItem> ITEMS = List.of(
            daily("a1", ALICE, "2024-09-02", "11.11", "8.88"), // settled 3rd: R1
            daily("a9", ALICE, "2024-09-09", "19.19", "15.35"), // settled 10th 00:00, as R1's binding ends: R2
            daily("a2", ALICE, "2024-09-12", "22.22", "17.76"), // R2
            daily("b1", BOB, "2024-09-05", "333.33", "266.66"), // R1
            daily("c1", CAROL, "2024-09-05", "444.44", "355.55"), // R2
            daily("d1", DAN, "2024-09-05", "505.05", "404.04"), // R3
            daily("e1", ERIN, "2024-09-29", "55.55", "44.44"), // settled 30th 00:00: R1
            daily("e2", ERIN, "2024-09-30", "66.66", "53.33"), // settled 1 Oct 00:00, as R1's binding ends: R2
            usage("em", ERIN, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "77.77")
                    .totalCost(cny("62.22"))
                    .build(), // billing time 1 Oct 00:00: R2
            daily("f0", FRANK, "2024-08-31", "99.99", "79.99"), // settled 1 Sep 00:00, as R1's binding starts: R1
            daily("f1", FRANK, "2024-09-01", "88.88", "71.11"), // R1
            daily("i1", IREM, "2024-09-03", "606.06", "484.84")); // IZMIR

    private static final List<AttributedCharge> CHARGES =
            Attribution.attribute(ITEMS, AttributionContext.of(CAL, CHANNEL));

    private static LineItem daily(String id, OwnerUin owner, String day, String list, String cost) {
        return usage(id, owner, day, list)
                .totalCost(cny(cost))
                .putTag(TagKey.of("team"), "secret-" + id)
                .build();
    }

    private static ResellerMonth month(PartnerUin reseller, BillingMonth month) {
        return ResellerBills.compute(
                CHARGES,
                ResellerSettings.builder()
                        .reseller(reseller)
                        .currency(CNY)
                        .addBillBFeature(BillBFeature.RESELLER_PERSPECTIVE)
                        .putBillingTagKey(TagKey.of("team"), t("2024-01-01T00:00"))
                        .build(),
                month,
                CAL,
                AS_OF,
                Map.of());
    }

    private static final ResellerMonth R1_SEPTEMBER = month(R1, SEPTEMBER);
    private static final ResellerMonth R2_SEPTEMBER = month(R2, SEPTEMBER);
    private static final ResellerMonth IZMIR_SEPTEMBER = month(IZMIR, SEPTEMBER);
    private static final ResellerMonth R3_SEPTEMBER = month(R3, SEPTEMBER);

    private static List<String> ids(BillB bill) {
        return bill.rows().stream().map(r -> r.id().value()).toList();
    }

    private static List<String> ids(BillA bill) {
        return bill.rows().stream().map(r -> r.id().value()).toList();
    }

    private static BillB billB(Viewer viewer, BillB bill) {
        return ScopedViews.billB(viewer, CHANNEL, CAL, bill);
    }

    /**
     * Asserts that {@code request} is refused with an {@link OutOfScopeException} whose message names none of
     * {@code secrets} (amounts, other parties' UINs, row ids, tag values), and returns the message.
     */
    private static String assertRefusedRevealingNone(ThrowingCallable request, String... secrets) {
        Throwable thrown = catchThrowable(request);
        assertThat(thrown).isInstanceOf(OutOfScopeException.class);
        for (String secret : secrets) {
            assertThat(thrown.getMessage()).doesNotContain(secret);
        }
        return thrown.getMessage();
    }

    // ------------------------------------------------------------------ forged viewer ids

    /** Ids that look like a real partner's but are not bound to anything, with the partner they imitate. */
    static Stream<Arguments> forgedPartnerIds() {
        return Stream.of(
                Arguments.of("200000000011 ", R1), // trailing space
                Arguments.of(" 200000000011", R1), // leading space
                Arguments.of("\u00a0200000000011", R1), // no-break space
                Arguments.of("200000000011\u200b", R1), // zero-width space
                Arguments.of("200000000011\t", R1), // tab
                Arguments.of("\uff12\uff10\uff10000000011", R1), // full-width digits
                Arguments.of("2OOOOOOOOO11", R1), // capital O for zero
                Arguments.of("20000000001l", R1), // small L for one
                Arguments.of("0200000000011", R1), // leading zero
                Arguments.of("200000000001 ", DIST), // the distributor, trailing space
                Arguments.of("\u0662\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661", DIST),
                Arguments.of("R-IZMIR", IZMIR), // upper case
                Arguments.of("R-\u0130ZM\u0130R", IZMIR), // Turkish upper case, dotted capital I
                Arguments.of("r-\u0131zm\u0131r", IZMIR), // Turkish dotless small i
                Arguments.of("r-\u0456zmir", IZMIR), // Cyrillic small i
                Arguments.of("\u0433-izmir", IZMIR), // Cyrillic small ghe for r
                Arguments.of("r\u2010izmir", IZMIR), // Unicode hyphen for the ASCII one
                Arguments.of("r-izmir\u0000", IZMIR), // trailing NUL
                Arguments.of(" ", R1), // blank
                Arguments.of("\u3000", R1)); // ideographic space, blank
    }

    @ParameterizedTest(name = "[{index}] forged \"{0}\" for {1}")
    @MethodSource("forgedPartnerIds")
    @Tag("RES-1")
    @Tag("RES-3")
    void billAAndB_forgedPartnerId_isRefused(String forged, PartnerUin imitated) {
        ResellerMonth target = imitated.equals(IZMIR) ? IZMIR_SEPTEMBER : R1_SEPTEMBER;
        Viewer attacker = Viewer.partner(PartnerUin.of(forged));
        assertThat(CHANNEL.isPartner(PartnerUin.of(forged))).isFalse();
        assertRefusedRevealingNone(
                () -> ScopedViews.billA(attacker, CHANNEL, target.billA()), "8.88", "266.66", "484.84", "secret");
        assertRefusedRevealingNone(() -> billB(attacker, target.billB()), "11.11", "333.33", "606.06", "secret");
        // the genuine id is let through: the refusal above is the id's doing
        assertThat(ScopedViews.billA(Viewer.partner(imitated), CHANNEL, target.billA()))
                .isEqualTo(target.billA());
    }

    /** Ids that look like a real end customer's, with the customer they imitate. */
    static Stream<Arguments> forgedAccountIds() {
        return Stream.of(
                Arguments.of("100000000101 ", ALICE),
                Arguments.of("\u2007100000000101", ALICE), // figure space
                Arguments.of("100000000101\u200b", ALICE),
                Arguments.of("\uff11\uff10\uff100000000101", ALICE),
                Arguments.of("1OOOOOOOO1O1", ALICE),
                Arguments.of("0100000000101", ALICE),
                Arguments.of("100000000102\n", BOB),
                Arguments.of("l00000000102", BOB),
                Arguments.of("C-IREM", IREM),
                Arguments.of("C-\u0130REM", IREM), // Turkish upper case
                Arguments.of("c-\u0131rem", IREM), // dotless i
                Arguments.of("\u0441-irem", IREM), // Cyrillic es for c
                Arguments.of("c-ir\u0435m", IREM), // Cyrillic ie for e
                Arguments.of(" ", ALICE),
                Arguments.of("\t", BOB));
    }

    @ParameterizedTest(name = "[{index}] forged \"{0}\" for {1}")
    @MethodSource("forgedAccountIds")
    @Tag("RES-1")
    @Tag("RES-3")
    void billB_forgedAccountId_isRefused(String forged, OwnerUin imitated) {
        ResellerMonth target = imitated.equals(IREM) ? IZMIR_SEPTEMBER : R1_SEPTEMBER;
        Viewer attacker = Viewer.account(OwnerUin.of(forged));
        assertRefusedRevealingNone(() -> billB(attacker, target.billB()), "11.11", "333.33", "606.06", "secret");
        assertRefusedRevealingNone(() -> ScopedViews.billA(attacker, CHANNEL, target.billA()), "8.88", "484.84");
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        CHANNEL, CAL, DIST, OwnerUin.of(forged), List.of(target.billA())))
                .isInstanceOf(OutOfScopeException.class);
        // the genuine id sees its rows: the refusal above is the id's doing
        assertThat(billB(Viewer.account(imitated), target.billB()).rows()).isNotEmpty();
    }

    @Test
    @Tag("RES-1")
    void viewerIds_emptyCannotEvenBeNamed() {
        assertThatThrownBy(() -> Viewer.account(OwnerUin.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("owner UIN is empty");
        assertThatThrownBy(() -> Viewer.partner(PartnerUin.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner UIN is empty");
        assertThatThrownBy(() -> ScopedViews.billA(null, CHANNEL, R1_SEPTEMBER.billA()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("viewer");
        assertThatThrownBy(() -> billB(null, R1_SEPTEMBER.billB()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("viewer");
    }

    @Test
    @Tag("RES-1")
    @Tag("RES-3")
    void billAAndB_idOfAnotherRole_isRefused() {
        // a customer's UIN presented as a partner
        for (OwnerUin customer : List.of(ALICE, BOB, ERIN)) {
            Viewer forged = Viewer.partner(PartnerUin.of(customer.value()));
            assertRefusedRevealingNone(() -> ScopedViews.billA(forged, CHANNEL, R1_SEPTEMBER.billA()), "8.88");
            assertRefusedRevealingNone(() -> billB(forged, R1_SEPTEMBER.billB()), "11.11");
        }
        // a partner's UIN presented as an account: never Bill A, and no end customer of Bill B
        for (PartnerUin partner : List.of(R1, DIST, R2)) {
            Viewer forged = Viewer.account(OwnerUin.of(partner.value()));
            assertRefusedRevealingNone(() -> ScopedViews.billA(forged, CHANNEL, R1_SEPTEMBER.billA()), "8.88");
            assertRefusedRevealingNone(() -> billB(forged, R1_SEPTEMBER.billB()), "11.11", ALICE.value());
        }
        // a customer's UIN as the distributor of a query
        assertThatThrownBy(() -> DistributorQueries.endCustomersOf(
                        CHANNEL, CAL, PartnerUin.of(BOB.value()), R1_SEPTEMBER.billA()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a partner of this channel");
        // a partner of another distributor, and another distributor
        for (PartnerUin stranger : List.of(R3, DIST2)) {
            assertRefusedRevealingNone(
                    () -> ScopedViews.billA(Viewer.partner(stranger), CHANNEL, R1_SEPTEMBER.billA()), "8.88");
            assertRefusedRevealingNone(
                    () -> billB(Viewer.partner(stranger), R1_SEPTEMBER.billB()), "11.11", ALICE.value());
        }
    }

    // ------------------------------------------------------------------ resellers and their customers

    @Test
    @Tag("RES-1")
    @Tag("RES-2")
    void billAAndB_siblingReseller_isRefusedInEveryDirection() {
        for (ResellerMonth target : List.of(R1_SEPTEMBER, R2_SEPTEMBER, IZMIR_SEPTEMBER)) {
            for (PartnerUin sibling : List.of(R1, R2, IZMIR)) {
                if (sibling.equals(target.billA().reseller())) {
                    continue;
                }
                assertRefusedRevealingNone(
                        () -> ScopedViews.billA(Viewer.partner(sibling), CHANNEL, target.billA()),
                        "8.88",
                        "17.76",
                        "484.84",
                        ALICE.value(),
                        IREM.value());
                assertRefusedRevealingNone(
                        () -> billB(Viewer.partner(sibling), target.billB()),
                        "11.11",
                        "22.22",
                        "606.06",
                        ALICE.value(),
                        IREM.value());
            }
        }
    }

    @Test
    @Tag("ATTR-2")
    @Tag("RES-1")
    void billB_customerWhoMovedMidMonth_showsEachResellerOnlyItsOwnPeriod() {
        // Alice left R1 at 10 Sep 00:00: R1 keeps what was settled before (a1); a9, settled at that very
        // instant, and a2 are R2's
        assertThat(ids(R1_SEPTEMBER.billB().ofCustomer(ALICE))).containsExactly("a1");
        assertThat(ids(R2_SEPTEMBER.billB().ofCustomer(ALICE))).containsExactly("a9", "a2");
        assertThat(ids(R1_SEPTEMBER.billA())).containsExactly("a1", "b1", "e1", "f1");
        assertThat(ids(R2_SEPTEMBER.billA())).containsExactly("a9", "a2", "c1", "e2", "em");

        // Alice herself sees each reseller's part through that reseller's bill, at list price
        BillB alicesR1 = billB(Viewer.account(ALICE), R1_SEPTEMBER.billB());
        assertThat(ids(alicesR1)).containsExactly("a1");
        assertThat(alicesR1.total()).isEqualTo(cny("11.11"));
        BillB alicesR2 = billB(Viewer.account(ALICE), R2_SEPTEMBER.billB());
        assertThat(ids(alicesR2)).containsExactly("a9", "a2");
        assertThat(alicesR2.total()).isEqualTo(cny("41.41"));

        // R1, her former reseller, cannot reach her later rows through R2's bills
        assertRefusedRevealingNone(
                () -> billB(Viewer.partner(R1), R2_SEPTEMBER.billB()), "19.19", "22.22", "a9", "a2", "secret");
        assertRefusedRevealingNone(
                () -> ScopedViews.billA(Viewer.partner(R1), CHANNEL, R2_SEPTEMBER.billA()), "15.35", "17.76");
    }

    @Test
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    @Tag("RES-1")
    void billB_customerWhoMovedAtMidnightEndingTheMonth_leavesTheLastDayAndTheMonthlyChargeToTheNewReseller() {
        // Erin moved at 1 Oct 00:00 UTC+8: the 30th's daily charge and September's monthly charge are settled at
        // that instant and belong to R2; R1 keeps the 29th
        assertThat(ids(billB(Viewer.account(ERIN), R1_SEPTEMBER.billB()))).containsExactly("e1");
        assertThat(ids(billB(Viewer.account(ERIN), R2_SEPTEMBER.billB()))).containsExactly("e2", "em");
        assertThat(DistributorQueries.endCustomersOf(CHANNEL, CAL, DIST, R1_SEPTEMBER.billA())
                        .get(ERIN))
                .extracting(r -> r.id().value())
                .containsExactly("e1");
        assertThat(DistributorQueries.indirectCustomerBill(
                                CHANNEL, CAL, DIST, ERIN, List.of(R1_SEPTEMBER.billA(), R2_SEPTEMBER.billA()))
                        .stream()
                        .map(ScopedViewsAttackTest::ids)
                        .toList())
                .containsExactly(List.of("e1"), List.of("e2", "em"));
    }

    @Test
    @Tag("ATTR-2")
    @Tag("RES-1")
    void billB_customerWhoMovedAtMidnightOnTheFirst_isNotTheFormerResellersCustomerThatMonth() {
        // Frank left R2 at 1 Sep 00:00: R2 had him for no instant of September and has no row of his
        assertThat(R2_SEPTEMBER.billB().ofCustomer(FRANK).rows()).isEmpty();
        assertRefusedRevealingNone(
                () -> billB(Viewer.account(FRANK), R2_SEPTEMBER.billB()), "19.19", "444.44", CAROL.value());
        // August's last daily charge is settled at 1 Sep 00:00, when R1 holds him, but stays in August
        assertThat(ids(billB(Viewer.account(FRANK), R1_SEPTEMBER.billB()))).containsExactly("f1");
        assertThat(ids(billB(Viewer.account(FRANK), month(R1, AUGUST).billB()))).containsExactly("f0");
        // R2 may show him its own (empty) August part, since he was its customer in August
        assertThat(billB(Viewer.account(FRANK), month(R2, AUGUST).billB()).rows())
                .isEmpty();
    }

    @Test
    @Tag("RES-1")
    @Tag("RES-3")
    void billB_anotherResellersCustomer_isRefused() {
        // Carol is R2's, Dan R3's (another distributor's), Irem IZMIR's
        for (OwnerUin stranger : List.of(CAROL, DAN, IREM)) {
            assertRefusedRevealingNone(
                    () -> billB(Viewer.account(stranger), R1_SEPTEMBER.billB()),
                    "11.11",
                    "333.33",
                    "55.55",
                    "88.88",
                    ALICE.value(),
                    BOB.value(),
                    "secret");
        }
        // and a customer of R1 asks for the bill of a reseller it never had
        assertRefusedRevealingNone(
                () -> billB(Viewer.account(BOB), IZMIR_SEPTEMBER.billB()), "606.06", IREM.value(), "secret");
    }

    @Test
    @Tag("RES-2")
    void distributorViews_askedForByAReseller_areRefused() {
        // a reseller posing as a distributor
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        CHANNEL, CAL, R1, ALICE, List.of(R1_SEPTEMBER.billA(), R2_SEPTEMBER.billA())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000011 is a reseller, not a distributor");
        assertThatThrownBy(() -> DistributorQueries.endCustomersOf(CHANNEL, CAL, R1, R2_SEPTEMBER.billA()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000011 is a reseller, not a distributor");
        // a reseller asking for its distributor's own bills
        ResellerMonth distributors = month(DIST, SEPTEMBER);
        assertRefusedRevealingNone(() -> ScopedViews.billA(Viewer.partner(R1), CHANNEL, distributors.billA()));
        assertRefusedRevealingNone(() -> billB(Viewer.partner(R1), distributors.billB()));
        // another distributor asking about this one's resellers and customers
        assertRefusedRevealingNone(
                () -> DistributorQueries.endCustomersOf(CHANNEL, CAL, DIST2, R1_SEPTEMBER.billA()),
                ALICE.value(),
                BOB.value(),
                "8.88",
                "266.66");
        assertRefusedRevealingNone(
                () -> DistributorQueries.indirectCustomerBill(
                        CHANNEL, CAL, DIST2, ALICE, List.of(R3_SEPTEMBER.billA(), R1_SEPTEMBER.billA())),
                "8.88",
                "404.04");
        // the distributor asking for another distributor's customer, with that one's bill or its own
        assertRefusedRevealingNone(
                () -> DistributorQueries.indirectCustomerBill(CHANNEL, CAL, DIST, DAN, List.of(R3_SEPTEMBER.billA())),
                "404.04",
                "505.05");
        assertRefusedRevealingNone(
                () -> DistributorQueries.indirectCustomerBill(
                        CHANNEL, CAL, DIST, DAN, List.of(R1_SEPTEMBER.billA(), R2_SEPTEMBER.billA())),
                "404.04",
                "8.88");
        assertRefusedRevealingNone(
                () -> DistributorQueries.indirectCustomerBill(CHANNEL, CAL, DIST, ALICE, List.of()), "8.88");
    }

    // ------------------------------------------------------------------ totals, counts, texts, collections

    @Test
    @Tag("RES-3")
    @Tag("RES-11")
    void billB_endCustomersView_revealsNothingOfOthersThroughTotalsCountsOrText() {
        BillB bobs = billB(Viewer.account(BOB), R1_SEPTEMBER.billB());
        assertThat(bobs.rows()).hasSize(1);
        assertThat(bobs.customers()).containsExactly(BOB);
        assertThat(bobs.total()).isEqualTo(cny("333.33"));
        assertThat(bobs.originalTotal()).isEqualTo(cny("333.33"));
        // asking the view for someone else's part yields nothing, not the whole bill's
        assertThat(bobs.customerBill(ALICE).total()).isEqualTo(Money.zero(CNY));
        assertThat(bobs.ofCustomer(FRANK).rows()).isEmpty();
        // his own row, without the reseller's cost, which is in the bill R1 sees
        assertThat(R1_SEPTEMBER.billB().ofCustomer(BOB).rows().get(0).resellerCost())
                .isPresent();
        for (BillBRow row : bobs.rows()) {
            assertThat(row.customer()).isEqualTo(BOB);
            assertThat(row.resellerCost()).isEmpty();
            assertThat(row.tags()).containsExactly(Map.entry(TagKey.of("team"), "secret-b1"));
        }
        // no trace of the other customers, their amounts or tags, nor of R1's cost, anywhere in the view's text
        String text = bobs.toString();
        for (String secret :
                List.of(ALICE.value(), ERIN.value(), FRANK.value(), "11.11", "55.55", "88.88", "266.66", "secret-a1")) {
            assertThat(text).doesNotContain(secret);
        }
    }

    @Test
    @Tag("RES-3")
    void scopedViews_returnedCollections_cannotBeWidened() {
        BillB bobs = billB(Viewer.account(BOB), R1_SEPTEMBER.billB());
        BillBRow alicesRow = R1_SEPTEMBER.billB().ofCustomer(ALICE).rows().get(0);
        List<BillBRow> rows = bobs.rows();
        assertThatThrownBy(() -> rows.add(alicesRow)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.set(0, alicesRow)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.addAll(R1_SEPTEMBER.billB().rows()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(rows::clear).isInstanceOf(UnsupportedOperationException.class);
        Iterator<BillBRow> it = rows.iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.get(0).tags().put(TagKey.of("team"), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        // the view and the bill are as they were
        assertThat(billB(Viewer.account(BOB), R1_SEPTEMBER.billB()).rows()).containsExactlyElementsOf(rows);
        assertThat(ids(R1_SEPTEMBER.billB())).containsExactly("a1", "b1", "e1", "f1");

        // the distributor's answers cannot be widened either
        List<BillA> resellerBills = new ArrayList<>(List.of(R1_SEPTEMBER.billA()));
        List<BillA> alices = DistributorQueries.indirectCustomerBill(CHANNEL, CAL, DIST, ALICE, resellerBills);
        resellerBills.add(R2_SEPTEMBER.billA()); // the caller's list changes afterwards
        assertThat(alices).hasSize(1);
        assertThatThrownBy(() -> alices.add(R2_SEPTEMBER.billA())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() ->
                        alices.get(0).rows().add(R1_SEPTEMBER.billA().rows().get(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        var byCustomer = DistributorQueries.endCustomersOf(CHANNEL, CAL, DIST, R1_SEPTEMBER.billA());
        assertThatThrownBy(() -> byCustomer.put(
                        CAROL, ImmutableList.copyOf(R2_SEPTEMBER.billA().rows())))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() ->
                        byCustomer.get(BOB).add(R1_SEPTEMBER.billA().rows().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(byCustomer).containsOnlyKeys(ALICE, BOB, ERIN, FRANK);
    }

    @Test
    @Tag("RES-3")
    void billB_viewBuiltFromAMutableList_isNotWidenedWhenTheListChanges() {
        List<BillBRow> source = new ArrayList<>(R1_SEPTEMBER.billB().rows());
        BillB bill = new BillB(R1, SEPTEMBER, BillStatus.FINAL, CNY, source);
        BillB bobs = billB(Viewer.account(BOB), bill);
        source.replaceAll(r -> R1_SEPTEMBER.billB().rows().get(0)); // every row now Alice's a1
        assertThat(ids(bobs)).containsExactly("b1");
        assertThat(ids(billB(Viewer.account(BOB), bill))).containsExactly("b1");
    }

    // ------------------------------------------------------------------ organizations

    private static final OwnerUin HQ_ADMIN = OwnerUin.of("300000000001");
    private static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");
    private static final OwnerUin M1 = OwnerUin.of("300000000011");
    private static final OwnerUin M2 = OwnerUin.of("300000000012");
    private static final OwnerUin LEAVER = OwnerUin.of("300000000013");
    private static final OwnerUin IDLE = OwnerUin.of("300000000014");
    private static final OwnerUin S1 = OwnerUin.of("300000000021");
    private static final OwnerUin OTHER_ADMIN = OwnerUin.of("400000000001");
    private static final OwnerUin OTHER_MEMBER = OwnerUin.of("400000000011");
    private static final EntityId HQ = EntityId.of("hq");
    private static final EntityId SUB = EntityId.of("sub");
    private static final Instant LEFT = t("2024-09-15T00:00");

    /**
     * HQ (admin HQ_ADMIN, the group admin): M1, M2, IDLE (no charges) and LEAVER, who left on 15 September;
     * SUB (admin SUB_ADMIN): S1. LEAVER held every member permission; M2 and S1 hold none.
     */
    private static final Organization ORG = Organization.builder(HQ_ADMIN, PaymentMode.SELF_PAY)
            .entity(new Entity(HQ, HQ_ADMIN, "Example Group Ltd"))
            .entity(new Entity(SUB, SUB_ADMIN, "Example Sub Ltd"))
            .membership(new Membership(M1, HQ, Tenure.since(t("2024-08-01T00:00"))))
            .membership(new Membership(M2, HQ, Tenure.since(t("2024-08-01T00:00"))))
            .membership(new Membership(IDLE, HQ, Tenure.since(t("2024-08-01T00:00"))))
            .membership(new Membership(LEAVER, HQ, Tenure.between(t("2024-08-01T00:00"), LEFT)))
            .membership(new Membership(S1, SUB, Tenure.since(t("2024-08-01T00:00"))))
            .grant(HQ_ADMIN, Permission.values())
            .grant(SUB_ADMIN, Permission.VIEW_BILLS, Permission.CONSOLIDATED_BILLING, Permission.INVOICE)
            .grant(LEAVER, Permission.VIEW_BILLS, Permission.VIEW_BALANCE, Permission.INVOICE)
            .build();

    /** Another group, whose admin and member hold every permission there. */
    private static final Organization OTHER_ORG = Organization.builder(OTHER_ADMIN, PaymentMode.SELF_PAY)
            .entity(new Entity(EntityId.of("other"), OTHER_ADMIN, "Other Group Ltd"))
            .membership(new Membership(OTHER_MEMBER, EntityId.of("other"), Tenure.since(t("2024-08-01T00:00"))))
            .grant(OTHER_ADMIN, Permission.values())
            .grant(OTHER_MEMBER, Permission.values())
            .build();

    private static final List<LineItem> ORG_ITEMS = List.of(
            daily("row-m1-early", M1, "2024-09-02", "1001.01", "1001.01"),
            daily("row-m1-late", M1, "2024-09-20", "1002.02", "1002.02"),
            daily("row-m2", M2, "2024-09-03", "1003.03", "1003.03"),
            daily("row-leaver", LEAVER, "2024-09-04", "1004.04", "1004.04"),
            daily("row-s1", S1, "2024-09-05", "1005.05", "1005.05"),
            daily("row-sub", SUB_ADMIN, "2024-09-06", "1006.06", "1006.06"),
            daily("row-other", OTHER_MEMBER, "2024-09-07", "1007.07", "1007.07"));

    private static final ConsolidatedBill ORG_SEPTEMBER =
            ConsolidatedBill.consolidate(ORG, CAL, SEPTEMBER, CNY, ORG_ITEMS);

    /**
     * The UINs, row ids (which the tag values repeat) and amounts of every account with charges, and of IDLE,
     * other than {@code except}: what a refusal or a view for {@code except} must not show.
     */
    private static String[] orgSecretsExcept(OwnerUin... except) {
        List<OwnerUin> shown = List.of(except);
        List<String> secrets = new ArrayList<>();
        for (LineItem item : ORG_ITEMS) {
            if (!shown.contains(item.ownerUin())) {
                secrets.addAll(List.of(
                        item.ownerUin().value(),
                        item.id().value(),
                        item.listCost().amount().toPlainString()));
            }
        }
        if (!shown.contains(IDLE)) {
            secrets.add(IDLE.value());
        }
        return secrets.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(
            value = Permission.class,
            names = {"VIEW_BILLS", "VIEW_BALANCE", "INVOICE", "ALLOCATE_FUNDS", "CONSOLIDATED_BILLING"})
    @Tag("ORG-4")
    void permits_memberWithoutThePermission_isRefusedOverASibling(Permission permission) {
        Instant at = t("2024-09-10T00:00");
        assertThat(ORG.permits(M2, permission, M1, at)).isFalse();
        assertThat(ORG.check(M2, permission, M1, at)).map(Refusal::reason).contains(Refusal.Reason.PERMISSION_MISSING);
        assertThat(ORG.permits(S1, permission, M1, at)).isFalse();
        // the group admin, who holds it, is let through: the refusal is the permission's doing
        assertThat(ORG.permits(HQ_ADMIN, permission, M1, at)).isTrue();
    }

    @Test
    @Tag("ORG-4")
    void permits_memberHoldingThePermission_isRefusedOutsideItsEntity() {
        Instant at = t("2024-09-10T00:00");
        Organization granted = Organization.builder(HQ_ADMIN, PaymentMode.SELF_PAY)
                .entity(new Entity(HQ, HQ_ADMIN, "Example Group Ltd"))
                .entity(new Entity(SUB, SUB_ADMIN, "Example Sub Ltd"))
                .membership(new Membership(M1, HQ, Tenure.since(t("2024-08-01T00:00"))))
                .membership(new Membership(S1, SUB, Tenure.since(t("2024-08-01T00:00"))))
                .grant(S1, Permission.VIEW_BILLS, Permission.INVOICE)
                .build();
        assertThat(granted.permits(S1, Permission.VIEW_BILLS, M1, at)).isFalse();
        assertThat(granted.permits(S1, Permission.INVOICE, M1, at)).isFalse();
        assertThat(granted.permits(S1, Permission.INVOICE, SUB_ADMIN, at)).isTrue();
        assertThat(ORG.permits(SUB_ADMIN, Permission.VIEW_BILLS, M1, at)).isFalse();
        assertThat(ORG.permits(SUB_ADMIN, Permission.INVOICE, M1, at)).isFalse();
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-2")
    void memberBill_memberWithoutThePermission_isRefusedAndLearnsNothing() {
        assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(M2), ORG, ORG_SEPTEMBER, M1),
                orgSecretsExcept(M2, M1));
        assertRefusedRevealingNone(
                () -> OrganizationViews.consolidated(Viewer.account(M2), ORG, ORG_SEPTEMBER), orgSecretsExcept(M2));
        assertRefusedRevealingNone(
                () -> OrganizationViews.consolidated(Viewer.account(LEAVER), ORG, ORG_SEPTEMBER),
                orgSecretsExcept(LEAVER));
        // paying: allocating funds needs the group admin holding ALLOCATE_FUNDS. The member and the entity admin
        // hold funds enough, so that only who they are can refuse them, and the refusal names nothing of HQ's 500
        Instant at = t("2024-09-10T00:00");
        String at10th = " at 2024-09-09T16:00:00Z: ";
        FundLedger ledger = FundLedger.empty(CNY)
                .apply(ORG, FundMovement.topUp(MovementId.of("t1"), at, HQ_ADMIN, HQ_ADMIN, cny("500")))
                .state()
                .apply(ORG, FundMovement.topUp(MovementId.of("t2"), at, M2, M2, cny("170")))
                .state()
                .apply(ORG, FundMovement.topUp(MovementId.of("t3"), at, SUB_ADMIN, SUB_ADMIN, cny("180")))
                .state();
        Outcome<FundLedger> byMember =
                ledger.apply(ORG, FundMovement.allocation(MovementId.of("a"), at, M2, SUB_ADMIN, cny("100")));
        assertThat(byMember.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.NOT_AN_ADMIN,
                        "ALLOCATION a of 300000000002" + at10th + "300000000012 is not the group admin"));
        Outcome<FundLedger> bySubAdmin =
                ledger.apply(ORG, FundMovement.allocation(MovementId.of("a"), at, SUB_ADMIN, M2, cny("100")));
        assertThat(bySubAdmin.refusals())
                .containsExactly(
                        new Refusal(
                                Refusal.Reason.NOT_AN_ADMIN,
                                "ALLOCATION a of 300000000012" + at10th + "300000000002 is not the group admin"),
                        new Refusal(
                                Refusal.Reason.NOT_AN_ADMIN,
                                "ALLOCATION a of 300000000012" + at10th + "300000000012 is not an entity admin"));
        // the entity admin allocating to the group admin, an entity admin itself: refused for who allocates alone
        assertThat(ledger.apply(ORG, FundMovement.allocation(MovementId.of("a"), at, SUB_ADMIN, HQ_ADMIN, cny("100")))
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.NOT_AN_ADMIN,
                        "ALLOCATION a of 300000000001" + at10th + "300000000002 is not the group admin"));
        assertThat(ledger.balanceOf(ORG, HQ_ADMIN, HQ_ADMIN, at)).isEqualTo(cny("500"));
    }

    @Test
    @Tag("ORG-4")
    void memberBill_memberWhoHasLeft_losesTheViewFromThenOn() {
        Instant after = t("2024-09-20T00:00");
        for (Permission p : List.of(Permission.VIEW_BILLS, Permission.VIEW_BALANCE, Permission.INVOICE)) {
            assertThat(ORG.permits(LEAVER, p, M1, t("2024-09-10T00:00"))).isTrue();
            assertThat(ORG.permits(LEAVER, p, M1, LEFT)).as("%s at leaving", p).isFalse();
            assertThat(ORG.permits(LEAVER, p, M1, after))
                    .as("%s after leaving", p)
                    .isFalse();
        }
        // M1 has a row after LEAVER left: the whole bill is refused, not cut down silently
        assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(LEAVER), ORG, ORG_SEPTEMBER, M1),
                orgSecretsExcept(M1, LEAVER));
        // October: LEAVER is no member at any instant of it
        ConsolidatedBill october = ConsolidatedBill.consolidate(
                ORG,
                CAL,
                BillingMonth.of(2024, 10),
                CNY,
                List.of(daily("m1-oct", M1, "2024-10-02", "1101.01", "1101.01")));
        assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(LEAVER), ORG, october, M1), "1101.01", "m1-oct");
        // LEAVER still sees its own September bill
        assertThat(OrganizationViews.memberBill(Viewer.account(LEAVER), ORG, ORG_SEPTEMBER, LEAVER)
                        .total())
                .isEqualTo(cny("1004.04"));
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-6")
    void organizationViews_memberOfAnotherOrganization_isRefused() {
        for (OwnerUin stranger : List.of(OTHER_ADMIN, OTHER_MEMBER)) {
            assertRefusedRevealingNone(
                    () -> OrganizationViews.consolidated(Viewer.account(stranger), ORG, ORG_SEPTEMBER),
                    orgSecretsExcept(stranger));
            assertRefusedRevealingNone(
                    () -> OrganizationViews.memberBill(Viewer.account(stranger), ORG, ORG_SEPTEMBER, M1),
                    orgSecretsExcept(stranger, M1));
            for (Permission p : Permission.values()) {
                assertThat(ORG.permits(stranger, p, M1, t("2024-09-10T00:00"))).isFalse();
            }
        }
        // the other group's admin presenting its own organization with this group's bill sees none of its rows
        ConsolidatedBill seen = OrganizationViews.consolidated(Viewer.account(OTHER_ADMIN), OTHER_ORG, ORG_SEPTEMBER);
        assertThat(seen.rows()).isEmpty();
        assertThat(seen.total()).isEqualTo(Money.zero(CNY));
        assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(OTHER_ADMIN), OTHER_ORG, ORG_SEPTEMBER, M1),
                orgSecretsExcept(M1));
    }

    @Test
    @Tag("ORG-4")
    void memberBill_outOfScope_isRefusedAlikeWhetherOrNotTheMemberHasCharges() {
        // SUB_ADMIN holds VIEW_BILLS but HQ's members are outside its entity: the answer must not tell an
        // active member (M1) from an idle one (IDLE) or from an account that is no member at all
        String active = assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(SUB_ADMIN), ORG, ORG_SEPTEMBER, M1),
                orgSecretsExcept(SUB_ADMIN, M1));
        String idle = assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(SUB_ADMIN), ORG, ORG_SEPTEMBER, IDLE),
                orgSecretsExcept(SUB_ADMIN, IDLE));
        String stranger = assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(SUB_ADMIN), ORG, ORG_SEPTEMBER, OTHER_MEMBER),
                orgSecretsExcept(SUB_ADMIN, OTHER_MEMBER));
        assertThat(idle).isEqualTo(active.replace(M1.value(), IDLE.value()));
        assertThat(stranger).isEqualTo(active.replace(M1.value(), OTHER_MEMBER.value()));
        // an empty bill goes to nobody but the member, not even to the group admin, who sees the active ones
        assertRefusedRevealingNone(
                () -> OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), ORG, ORG_SEPTEMBER, IDLE),
                orgSecretsExcept(IDLE));
        assertThat(OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), ORG, ORG_SEPTEMBER, M2)
                        .total())
                .isEqualTo(cny("1003.03"));
        // the member itself still gets its own bill, empty or not
        assertThat(OrganizationViews.memberBill(Viewer.account(IDLE), ORG, ORG_SEPTEMBER, IDLE)
                        .rows())
                .isEmpty();
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-6")
    void consolidated_entityAdmin_seesOnlyItsEntityInRowsTotalsAndText() {
        ConsolidatedBill subs = OrganizationViews.consolidated(Viewer.account(SUB_ADMIN), ORG, ORG_SEPTEMBER);
        assertThat(subs.rows()).extracting(ConsolidatedRow::owner).containsExactly(S1, SUB_ADMIN);
        assertThat(subs.total()).isEqualTo(cny("2011.11"));
        assertThat(subs.totalsByMember())
                .containsExactly(Map.entry(SUB_ADMIN, cny("1006.06")), Map.entry(S1, cny("1005.05")));
        assertThat(subs.totalsByEntity()).containsExactly(Map.entry(SUB, cny("2011.11")));
        assertThat(subs.memberBill(M1).rows()).isEmpty();
        String text = subs.toString();
        for (String secret : orgSecretsExcept(S1, SUB_ADMIN)) {
            assertThat(text).doesNotContain(secret);
        }
        assertThatThrownBy(() -> subs.rows().add(ORG_SEPTEMBER.rows().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> subs.totalsByEntity().put(HQ, cny("1")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> subs.totalsByMember().remove(S1)).isInstanceOf(UnsupportedOperationException.class);
        // the group admin sees every row of the group (and not the other group's member)
        assertThat(OrganizationViews.consolidated(Viewer.account(HQ_ADMIN), ORG, ORG_SEPTEMBER)
                        .rows())
                .extracting(r -> r.item().id())
                .containsExactly(
                        LineItemId.of("row-m1-early"),
                        LineItemId.of("row-m1-late"),
                        LineItemId.of("row-m2"),
                        LineItemId.of("row-leaver"),
                        LineItemId.of("row-s1"),
                        LineItemId.of("row-sub"));
    }
}
