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
    @Tag("ORG-8")
    @Tag("ORG-9")
    @Tag("ORG-10")
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
                                + " 2024-09-30T04:00:00Z",
                        // ORG-8: hq pays on behalf of M1 and M2; the subsidiary's admin and S1 pay for themselves
                        "Payers (hq pays on behalf of its members, sub pays for itself):",
                        "  g-1 of 300000000001 paid by 300000000001",
                        "  m1-1 of 300000000011 paid by 300000000001",
                        "  m2-1 of 300000000012 paid by 300000000001",
                        "  m2-2 of 300000000012 paid by 300000000001",
                        "  s-1 of 300000000002 paid by 300000000002",
                        "  s1-1 of 300000000021 paid by 300000000021",
                        // ORG-9: the group admin 500.00 + M1's top-up 100.00 - 200.00 allocated - 30.00 - 100.00
                        // - 20.00 + 5.00 refunded = 255.00; the subsidiary's admin 200.00 - 10.00 = 190.00; S1
                        // 50.00 - 40.00 = 10.00. Top-ups 500 + 100 + 50 = 650 = 455 held + 195 consumed.
                        "Balances at the end of 2024-09, each read by its account:",
                        "  300000000001 CNY 255.00",
                        "  300000000002 CNY 190.00",
                        "  300000000021 CNY 10.00",
                        "Top-ups CNY 650.00 = balances CNY 455.00 + consumption CNY 195.00",
                        "Refused: SELF_PAYING_ENTITY: TOP_UP t-4 of 300000000002 at 2024-09-30T04:00:00Z: entity sub of"
                                + " 300000000021 pays for itself, so 300000000021 may not top up 300000000002",
                        "Refused: 300000000011 may not view the balance of 300000000001 at 2024-09-30T04:00:00Z: it does"
                                + " not hold VIEW_BALANCE over that account",
                        // ORG-10: M1 100.00; M2 20.00 - 5.00 = 15.00; S1 40.00, issued by the subsidiary's admin
                        "Invoices of 2024-09, settled by policy tencent:",
                        "  INV-202409-300000000011 INVOICE of 300000000011: CNY 100.00, charges [m1-1]",
                        "  INV-202409-300000000012 INVOICE of 300000000012: CNY 15.00, charges [m2-1, m2-2]",
                        "  INV-202409-300000000021 INVOICE of 300000000021: CNY 40.00, charges [s1-1]",
                        "Charge m2-2 carries invoice id INV-202409-300000000012",
                        "Refused: MONTH_NOT_ISSUED: the invoice of 300000000011 for 2024-10: the month's bill is not"
                                + " issued yet at 2024-10-05T16:00:00Z");
    }

    @Test
    @Tag("RES-13")
    void distributorMargin_resourceAndDetailedBills_marginByResellerCustomerProductResource() {
        List<String> lines = run(DistributorMarginSample::run);

        // DIST pays 0.70 x list, and 0.60 x list for p_cbs from 16 September.
        // Alice ins-1: v_cpu 60 -> 51 reseller, 42 distributor; v_mem 40 -> 34, 28: 100, 85, 70, margin 15.
        // Alice disk-1: 10 Sep 40 -> 36, 28; 20 Sep 40 -> 36, 24: 80, 72, 52, margin 20.
        // Bob ins-2: 60 -> 54, 42, margin 12. R1: 211 reseller cost, 164 distributor cost, margin 47.
        // Carol ins-3: 200 -> 150, 140, margin 10. In all 57.
        assertThat(lines)
                .containsExactly(
                        "Distributor 200000000001, 2024-09 (FINAL), resource ID bills:",
                        "  reseller 200000000011: reseller cost CNY 211.00, distributor cost CNY 164.0000, margin CNY"
                                + " 47.0000",
                        "    100000000101 p_cbs disk-1: original 80.00, reseller 72.00, distributor 52.0000, margin"
                                + " 20.0000",
                        "    100000000101 p_cvm ins-1: original 100.00, reseller 85.00, distributor 70.0000, margin"
                                + " 15.0000",
                        "    100000000102 p_cvm ins-2: original 60.00, reseller 54.00, distributor 42.0000, margin"
                                + " 12.0000",
                        "  reseller 200000000012: reseller cost CNY 150.00, distributor cost CNY 140.0000, margin CNY"
                                + " 10.0000",
                        "    100000000103 p_cvm ins-3: original 200.00, reseller 150.00, distributor 140.0000, margin"
                                + " 10.0000",
                        "Detailed bill (monthly aggregate) of reseller 200000000011:",
                        "    100000000101 p_cbs disk-1: original 80.00, reseller 72.00, distributor 52.0000, margin"
                                + " 20.0000",
                        "    100000000101 p_cvm ins-1 v_cpu: original 60.00, reseller 51.00, distributor 42.0000,"
                                + " margin 9.0000",
                        "    100000000101 p_cvm ins-1 v_mem: original 40.00, reseller 34.00, distributor 28.0000,"
                                + " margin 6.0000",
                        "    100000000102 p_cvm ins-2 v_cpu: original 60.00, reseller 54.00, distributor 42.0000,"
                                + " margin 12.0000",
                        "Margin: CNY 57.0000",
                        "  by reseller: 200000000011 47.0000, 200000000012 10.0000",
                        "  by customer: 100000000101 35.0000, 100000000102 12.0000, 100000000103 10.0000",
                        "  by product: p_cbs 20.0000, p_cvm 37.0000",
                        "  by resource: disk-1 20.0000, ins-1 15.0000, ins-2 12.0000, ins-3 10.0000");
    }

    private static List<String> run(Consumer<PrintWriter> sample) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        sample.accept(out);
        out.flush();
        return text.toString().lines().toList();
    }
}
