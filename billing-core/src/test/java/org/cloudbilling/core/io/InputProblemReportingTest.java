package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputProblemReportingTest {

    @Test
    void toString_cellProblem_namesSourceLineColumnAndHeader() {
        InputProblem p =
                InputProblem.ofCell("sept.csv", 12, 23, "totalCost", "1,5", "amount '1,5' is not a decimal number");

        assertThat(p).hasToString("sept.csv:12:23 (totalCost): amount '1,5' is not a decimal number");
        assertThat(p.source()).isEqualTo("sept.csv");
        assertThat(p.line()).isEqualTo(12);
        assertThat(p.column()).isEqualTo(23);
        assertThat(p.columnName()).contains("totalCost");
        assertThat(p.value()).contains("1,5");
        assertThat(p.reason()).isEqualTo("amount '1,5' is not a decimal number");
    }

    @Test
    void toString_lineProblem_hasNoColumn_andLineZeroMeansTheWholeInput() {
        InputProblem row = InputProblem.ofLine("a.csv", 1, "the row has 2 cells");
        InputProblem whole = InputProblem.ofLine("a.csv", 0, "the input is empty");

        assertThat(row).hasToString("a.csv:1: the row has 2 cells");
        assertThat(row.column()).isZero();
        assertThat(row.columnName()).isEmpty();
        assertThat(row.value()).isEmpty();
        assertThat(whole).hasToString("a.csv: the input is empty");
    }

    @Test
    void ofCell_nulls_areRefused() {
        assertThatThrownBy(() -> InputProblem.ofCell(null, 1, 1, "c", "v", "r"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> InputProblem.ofLine("s", 1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
        assertThatThrownBy(() -> InputProblem.ofCell("s", 1, 1, null, "v", "r"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> InputProblem.ofCell("s", 1, 1, "c", null, "r"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void exception_oneProblem_isItsMessage_twentyAreListed_moreAreCounted() {
        List<InputProblem> twentyOne = new ArrayList<>();
        for (int line = 1; line <= 21; line++) {
            twentyOne.add(InputProblem.ofLine("x.csv", line, "bad"));
        }
        StringBuilder twentyLines = new StringBuilder();
        for (int line = 1; line <= 20; line++) {
            twentyLines.append("\n  x.csv:").append(line).append(": bad");
        }

        assertThat(new BillingInputException(twentyOne.get(0))).hasMessage("x.csv:1: bad");
        assertThat(new BillingInputException(twentyOne.subList(0, 2)))
                .hasMessage("2 problems in the input:\n  x.csv:1: bad\n  x.csv:2: bad");
        assertThat(new BillingInputException(twentyOne.subList(0, 20)))
                .hasMessage("20 problems in the input:" + twentyLines);
        assertThat(new BillingInputException(twentyOne))
                .hasMessage("21 problems in the input:" + twentyLines + "\n  ... and 1 more");
        assertThat(new BillingInputException(twentyOne).problems()).hasSize(21);
        assertThatThrownBy(() -> new BillingInputException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an input exception needs at least one problem");
    }

    @Test
    void readResult_completeOnlyWithoutProblems() {
        ReadResult<String> complete = ReadResult.of(List.of("a"), List.of());
        ReadResult<String> partial = ReadResult.of(List.of("a"), List.of(InputProblem.ofLine("x.csv", 2, "bad")));

        assertThat(complete.isComplete()).isTrue();
        assertThat(complete.valuesOrThrow()).containsExactly("a");
        assertThat(partial.isComplete()).isFalse();
        assertThat(partial.values()).containsExactly("a");
        assertThatThrownBy(partial::valuesOrThrow)
                .isInstanceOf(BillingInputException.class)
                .hasMessage("x.csv:2: bad");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"=1+2", "+1+2", "-1+2", "@SUM(A1)", "\tx", "\rx", "'quoted", "-", "+", "-1.5e3", "-1.", "--1"})
    void neutralize_formulaLikeText_getsAQuote_andRestoreGivesItBack(String text) {
        assertThat(CsvSafety.neutralize(text)).isEqualTo("'" + text);
        assertThat(CsvSafety.restore(CsvSafety.neutralize(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "web", "-1.5", "+2", "0", "12.50", "a=b", " =x"})
    void neutralize_plainTextAndPlainNumbers_areLeftAsTheyAre(String text) {
        assertThat(CsvSafety.neutralize(text)).isEqualTo(text);
        assertThat(CsvSafety.restore(text)).isEqualTo(text);
    }

    @Test
    void restore_removesOnlyOneQuote_andNullsAreRefused() {
        assertThat(CsvSafety.restore("''x")).isEqualTo("'x");
        assertThatThrownBy(() -> CsvSafety.neutralize(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
        assertThatThrownBy(() -> CsvSafety.restore(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("cell");
    }
}
