package org.cloudbilling.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the reseller and organization samples and checks their output against values worked out by hand. */
class ResellerSamplesTest {

    @Test
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    @Tag("RES-4")
    @Tag("RES-5")
    @Tag("RES-8")
    @Tag("RES-10")
    void resellerMonth_customerMovesMidMonth_billsAAndBReconcileByCause() {
        List<String> lines = run(ResellerMonthSample::run);

        // d-h1 is settled on the 14th at 21:00, still R1's; d-h2 at 11:00 on the 15th, R2's since 10:00; the monthly
        // d-m is attributed on 1 October, to R2.
        // R1, Bill A at cost (0.8 of list): d-h1 4.00 + e-d 40.00 + e-r -8.00 + e-adj -1.60 = 34.40 over 4 rows.
        // R1, Bill B: d-h1 at list 5.00 (no discount for Dana); e-d 50.00 x 0.9 - voucher 5.00 = 40.00; e-r -10.00 x
        // 0.9 = -9.00; the adjustment is not on Bill B: 36.00 over 3 rows. A - B = -1.60 =
        // price difference (4.00 - 5.00) + (40.00 - 45.00) = -6.00, voucher 5.00, refund -8.00 - -9.00 = 1.00,
        // adjustment -1.60.
        // R2: d-h2 4.00 + d-m 48.00 = 52.00 against list 5.00 + 60.00 = 65.00: -13.00, all price difference.
        assertThat(lines)
                .containsExactly(
                        "Dana 100000000301 moves from 200000000011 to 200000000012 on 2024-09-15 at 10:00 (UTC+8);"
                                + " Eve 100000000302 stays with 200000000011",
                        "Attributed:",
                        "  d-h1 SETTLEMENT_TIME 200000000011",
                        "  d-h2 SETTLEMENT_TIME 200000000012",
                        "  d-m BILLING_TIME 200000000012",
                        "  e-d SETTLEMENT_TIME 200000000011",
                        "  e-r SETTLEMENT_TIME 200000000011",
                        "  e-adj SETTLEMENT_TIME 200000000011",
                        "200000000011: Bill A CNY 34.40 (4 rows), Bill B CNY 36.00 (3 rows)",
                        "  A - B = CNY -1.60 = PRICE_DIFFERENCE CNY -6.00 + CUSTOMER_VOUCHER CNY 5.00"
                                + " + REFUND CNY 1.00 + BILL_ADJUSTMENT CNY -1.60",
                        "200000000012: Bill A CNY 52.00 (2 rows), Bill B CNY 65.00 (2 rows)",
                        "  A - B = CNY -13.00 = PRICE_DIFFERENCE CNY -13.00");
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-6")
    void organizationBill_perMemberAndEntity_subsidiaryScoped_andRefusals() {
        List<String> lines = run(OrganizationBillSample::run);

        // Headquarters: the group admin 30.00, M1 100.00, M2 20.00 - 5.00 = 15.00: 145.00. The subsidiary: its admin
        // 10.00 and S1 40.00: 50.00. The outsider's 99.00 is not the organization's. 6 rows, 195.00.
        assertThat(lines)
                .containsExactly(
                        "Consolidated bill of 2024-09: CNY 195.00 over 6 rows",
                        "By member:",
                        "  300000000001 CNY 30.00",
                        "  300000000002 CNY 10.00",
                        "  300000000011 CNY 100.00",
                        "  300000000012 CNY 15.00",
                        "  300000000021 CNY 40.00",
                        "By entity:",
                        "  hq CNY 145.00",
                        "  sub CNY 50.00",
                        "The subsidiary's admin sees 2 rows: CNY 50.00",
                        "Refused: 300000000011 may not see the consolidated bill of 2024-09: it is not an admin"
                                + " holding CONSOLIDATED_BILLING",
                        "Refused: PERMISSION_MISSING: 300000000002 may not VIEW_BILLS for 300000000021 at"
                                + " 2024-09-30T04:00:00Z");
    }

    private static List<String> run(Consumer<PrintWriter> sample) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        sample.accept(out);
        out.flush();
        return text.toString().lines().toList();
    }
}
