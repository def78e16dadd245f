package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.ClosingReader;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading and writing the Period list: header checks, row errors with their cells, streaming, closing. */
class RecordReaderTest {
    /** Columns 1-18; amounts in 13-17: official 100, due 90 = cash 80 + credit 0 + coupons 10. */
    private static final String ROW = "2024-09,2024-09-10 00:00:00,O-100,Purchase,,ECS,cn-north-4,"
            + "Elastic Cloud Server,s6.large.2,Monthly,1,1,100,90,80,0,10,";

    private static String header() {
        return String.join(",", ReconciliationCsv.PERIOD_COLUMNS);
    }

    private static ReadResult<PeriodRecord> read(String csv) {
        return ReconciliationCsv.readPeriod(new StringReader(csv), "p.csv", FormulaGuard.OFF, OnError.COLLECT);
    }

    /** The problems of the one row {@code row}, as text. */
    private static List<String> problemsOf(String row) {
        ReadResult<PeriodRecord> read = read(header() + "\n" + row + "\n");
        assertThat(read.values()).isEmpty();
        return read.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_goodRow_isReadCellByCell() {
        PeriodRecord r = read(header() + "\n" + ROW + "\n").valuesOrThrow().get(0);

        assertThat(r)
                .isEqualTo(new PeriodRecord(
                        BillingMonth.of(2024, 9),
                        "2024-09-10 00:00:00",
                        "O-100",
                        OrderType.PURCHASE,
                        Optional.empty(),
                        "ECS",
                        "cn-north-4",
                        "Elastic Cloud Server",
                        "s6.large.2",
                        Optional.of(BillingMode.MONTHLY),
                        1,
                        BigDecimal.ONE,
                        new Payments(
                                new BigDecimal("100"),
                                new BigDecimal("90"),
                                new BigDecimal("80"),
                                BigDecimal.ZERO,
                                BigDecimal.TEN),
                        ""));
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_amountsWithAnExponent_areWrittenAndReadBackTheSame_scaleIncluded() {
        String row = ROW.replace(",100,90,80,0,10,", ",1e2,9E1,80,0,10,");
        PeriodRecord r = read(header() + "\n" + row + "\n").valuesOrThrow().get(0);
        assertThat(r.payments().officialTotalAmount()).isEqualByComparingTo("100");

        StringWriter out = new StringWriter();
        ReconciliationCsv.writePeriod(out, List.of(r).iterator(), FormulaGuard.OFF);
        assertThat(out.toString()).contains("1E+2", "9E+1"); // not 100 and 90: their scale would be lost
        assertThat(read(out.toString()).valuesOrThrow()).containsExactly(r);
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_columnsInAnotherOrder_isRefusedNamingTheExpectedOrder() {
        List<String> swapped = new ArrayList<>(ReconciliationCsv.PERIOD_COLUMNS);
        Collections.swap(swapped, 0, 1);

        assertThatThrownBy(() -> read(String.join(",", swapped) + "\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("p.csv:1: the header is not the list's (RECON-2); expected the order "
                        + ReconciliationCsv.PERIOD_COLUMNS);
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_headerRepeatingAColumn_namesTheRepeatedColumnNotTheOrder() {
        // every column in its place, then Region once more: the order is right, a column is repeated
        assertThatThrownBy(() -> read(header() + ",Region\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("p.csv:1: the header is not the list's (RECON-2); repeated columns [Region]");
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_headerWithManyUnknownColumns_namesTwentyAndCountsTheRest() {
        List<String> unknown = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            unknown.add("x" + i);
        }

        // x1..x20 named, the other 5 counted
        assertThatThrownBy(() -> read(header() + "," + String.join(",", unknown) + "\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("p.csv:1: the header is not the list's (RECON-2); unknown columns " + unknown.subList(0, 20)
                        + " and 5 more");
    }

    @Test
    @Tag("RECON-2")
    void readPeriod_headerMissingOneAndWithAnother_namesBoth() {
        assertThatThrownBy(() -> read(header().replace("Remarks", "Note") + "\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("p.csv:1: the header is not the list's (RECON-2); missing columns [Remarks]; "
                        + "unknown columns [Note]");
    }

    @Test
    void periodReader_badHeader_closesTheReader() {
        ClosingReader in = new ClosingReader("Billing Cycle\n");

        assertThatThrownBy(() -> ReconciliationCsv.periodReader(in, "p.csv", FormulaGuard.OFF))
                .isInstanceOf(BillingInputException.class);
        assertThat(in.closed()).isTrue();
    }

    @Test
    void close_reader_closesTheUnderlyingReader() {
        ClosingReader in = new ClosingReader(header() + "\n" + ROW + "\n");
        RecordReader<PeriodRecord> r = ReconciliationCsv.periodReader(in, "p.csv", FormulaGuard.OFF);
        assertThat(in.closed()).isFalse();

        r.close();

        assertThat(in.closed()).isTrue();
    }

    @Test
    void next_afterTheLastRow_throwsNoSuchElementNamingTheSource() {
        try (RecordReader<PeriodRecord> r = ReconciliationCsv.periodReader(
                new StringReader(header() + "\n" + ROW + "\n"), "p.csv", FormulaGuard.OFF)) {
            assertThat(r.next().orderNo()).isEqualTo("O-100");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.hasNext()).isFalse();
            assertThatThrownBy(r::next)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no more rows in p.csv");
        }
    }

    @Test
    void readPeriod_rowWithAnotherNumberOfCells_isRefusedNamingTheCounts() {
        ReadResult<PeriodRecord> read = read(header() + "\n" + ROW + ",x\n" + ROW.substring(0, ROW.length() - 1) + "\n"
                + ROW.replace("O-100", "O-101") + "\n");

        assertThat(read.values()).extracting(PeriodRecord::orderNo).containsExactly("O-101");
        assertThat(read.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "p.csv:2: the row has 19 cells, the header 18", "p.csv:3: the row has 17 cells, the header 18");
    }

    @Test
    void readPeriod_eachBadAmount_isReportedWithItsColumnAlone() {
        String[] names = {"Official Total Amount", "Amount Due", "Cash Payment", "Credit Payment", "Cash Coupon Used"};
        for (int i = 0; i < names.length; i++) {
            String[] cells = ROW.split(",", -1);
            cells[12 + i] = "x" + i;
            assertThat(problemsOf(String.join(",", cells)))
                    .as(names[i])
                    .containsExactly(
                            "p.csv:2:" + (13 + i) + " (" + names[i] + "): amount 'x" + i + "' is not a decimal number");
        }
    }

    @Test
    void readPeriod_purchaseQuantityNotAWholeNumber_isReportedWithItsCell() {
        assertThat(problemsOf(ROW.replace(",Monthly,1,", ",Monthly,1.5,")))
                .containsExactly("p.csv:2:11 (Purchase Quantity): purchase quantity '1.5' is not a whole number");
        assertThat(problemsOf(ROW.replace(",Monthly,1,", ",Monthly,-1,")))
                .containsExactly("p.csv:2:11 (Purchase Quantity): purchase quantity '-1' is not a whole number");
        assertThat(problemsOf(ROW.replace(",Monthly,1,", ",Monthly,1234567890,")))
                .containsExactly(
                        "p.csv:2:11 (Purchase Quantity): purchase quantity '1234567890' is not a whole number");
        assertThat(read(header() + "\n" + ROW.replace(",Monthly,1,", ",Monthly,123456789,") + "\n")
                        .valuesOrThrow()
                        .get(0)
                        .purchaseQuantity())
                .isEqualTo(123_456_789);
    }

    @Test
    @Tag("RECON-3")
    void readPeriod_unknownOrderTypeAndAPurchaseWithAPreOrder_areReported() {
        assertThat(problemsOf(ROW.replace(",Purchase,", ",Refund,")))
                .containsExactly("p.csv:2:4 (Order Type): order type 'Refund' is not Purchase, Renewal, Unsubscription"
                        + " or Change");
        assertThat(problemsOf(ROW.replace(",Purchase,,", ",Purchase,O-9,")))
                .containsExactly("p.csv:2: order O-100 is a Purchase with a Pre-OrderId (RECON-3)");
    }

    @Test
    @Tag("RECON-3")
    void readPeriod_unsubscription_hasItsPreOrderAndNoBillingMode() {
        String row = ROW.replace(",Purchase,,", ",Unsubscription,O-90,")
                .replace(",Monthly,", ",,")
                .replace(",100,90,80,0,10,", ",-100,-90,-80,0,-10,");

        PeriodRecord r = read(header() + "\n" + row + "\n").valuesOrThrow().get(0);

        assertThat(r.orderType()).isEqualTo(OrderType.UNSUBSCRIPTION);
        assertThat(r.preOrderId()).contains("O-90");
        assertThat(r.billingMode()).isEmpty();
    }

    @Test
    @Tag("RECON-2")
    void writePeriod_bufferedWriter_isFlushedAndLeftOpen() throws IOException {
        StringWriter target = new StringWriter();
        boolean[] closed = {false};
        Writer buffered = new BufferedWriter(target) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        PeriodRecord r = read(header() + "\n" + ROW + "\n").valuesOrThrow().get(0);

        ReconciliationCsv.writePeriod(buffered, List.of(r).iterator(), FormulaGuard.OFF);

        // text with a space is quoted, amounts are written with the digits read
        assertThat(target.toString())
                .isEqualTo("\"Billing Cycle\",\"Consume/Unsubscription Time\",\"Order No.\",\"Order Type\","
                        + "Pre-OrderId,\"Product Type\",Region,Product,Specifications,\"Billing Mode\","
                        + "\"Purchase Quantity\",Duration,\"Official Total Amount\",\"Amount Due\",\"Cash Payment\","
                        + "\"Credit Payment\",\"Cash Coupon Used\",Remarks\n"
                        + "2024-09,\"2024-09-10 00:00:00\",O-100,Purchase,,ECS,cn-north-4,\"Elastic Cloud Server\","
                        + "s6.large.2,Monthly,1,1,100,90,80,0,10,\n");
        assertThat(closed[0]).isFalse();
        buffered.write("more");
        buffered.flush();
        assertThat(target.toString()).endsWith("\nmore");
    }
}
