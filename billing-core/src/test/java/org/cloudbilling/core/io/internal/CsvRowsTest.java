package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.cloudbilling.core.io.BillingInputException;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void line_isZeroBeforeTheFirstRow_thenTheLineEachRowStartsOn() {
        CsvRows rows = CsvRows.of(new StringReader("h1,h2\na,\"x\ny\"\nb,c\n"), "r.csv");

        assertThat(rows.line()).isZero();
        assertThat(rows.header()).containsExactly("h1", "h2");
        assertThat(rows.line()).isEqualTo(1);
        assertThat(rows.next()).containsExactly("a", "x\ny");
        assertThat(rows.line()).isEqualTo(2);
        assertThat(rows.next()).containsExactly("b", "c");
        assertThat(rows.line()).isEqualTo(4);
        assertThat(rows.next()).isNull();
        assertThat(rows.source()).isEqualTo("r.csv");
        rows.close();
    }

    @Test
    void next_skipsBlankLines_andCountsThem() {
        CsvRows rows = CsvRows.of(new StringReader("h\n\n\nb\n"), "b.csv");

        rows.header();
        assertThat(rows.next()).containsExactly("b");
        assertThat(rows.line()).isEqualTo(4);
        assertThat(rows.next()).isNull();
    }

    @Test
    void header_dropsAByteOrderMark_onlyAtTheStartOfTheFirstCell() {
        assertThat(CsvRows.of(new StringReader("\uFEFFid,x"), "bom.csv").header())
                .containsExactly("id", "x");
        assertThat(CsvRows.of(new StringReader("id,\uFEFFx"), "bom.csv").header())
                .containsExactly("id", "\uFEFFx");
    }

    @Test
    void header_ofAnEmptyInput_isRefusedForTheWholeInput() {
        assertThatThrownBy(() -> CsvRows.of(new StringReader(""), "e.csv").header())
                .isInstanceOf(BillingInputException.class)
                .hasMessage("e.csv: the input is empty: no header row");
        assertThatThrownBy(() -> CsvRows.of(new StringReader("\n\n"), "e.csv").header())
                .isInstanceOf(BillingInputException.class)
                .hasMessage("e.csv: the input is empty: no header row");
    }

    @Test
    void next_unclosedQuote_isRefusedNamingALine() {
        CsvRows rows = CsvRows.of(new StringReader("h\nok\n\"open\n"), "q.csv");
        rows.header();
        assertThat(rows.next()).containsExactly("ok");

        assertThatThrownBy(rows::next)
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("q.csv:")
                .hasMessageContaining(": the CSV is malformed: ")
                .satisfies(e -> assertThat(
                                ((BillingInputException) e).problems().get(0).line())
                        .isGreaterThanOrEqualTo(3));
    }

    @Test
    void of_nulls_areRefusedNamingThem() {
        assertThatThrownBy(() -> CsvRows.of(new StringReader("h"), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> CsvRows.of(null, "s"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reader");
    }
}
