package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * IO-2: the one CSV writer writes exactly what a strict RFC 4180 writer writes (Jackson's CSV generator with its
 * strict quoting check, which this writer replaced): a cell quoted only when it holds a comma, a quote, a line feed
 * or a carriage return, its quotes doubled, rows ended by a line feed; and the formula guard applied to every cell.
 */
@Tag("IO-2")
class CsvWriterProperties {
    /** Cells built from the characters that matter to quoting and to the guard, and a few others. */
    private static final String[] PIECES = {
        ",", "\"", "\n", "\r", "\r\n", "'", "=", "+", "-", "@", "\t", "#", " ", "1", "1.5", "-2", ".", "a", "é", "中",
        "\u0000", "x y"
    };

    private static Gen<String> cell() {
        return lists().of(integers().between(0, PIECES.length - 1))
                .ofSizeBetween(0, 6)
                .map(is -> {
                    StringBuilder s = new StringBuilder();
                    is.forEach(i -> s.append(PIECES[i]));
                    return s.toString();
                })
                .mix(strings().allPossible().ofLengthBetween(0, 8), 20);
    }

    private static Gen<List<List<String>>> rows() {
        return lists().of(lists().of(cell()).ofSizeBetween(1, 5)).ofSizeBetween(0, 4);
    }

    @Test
    void unguarded_writesWhatAStrictRfc4180WriterWrites() {
        qt().withExamples(2000)
                .forAll(lists().of(cell()).ofSizeBetween(1, 5), rows())
                .checkAssert((header, rows) ->
                        assertThat(written(header, rows, FormulaGuard.OFF)).isEqualTo(strict(header, rows, false)));
    }

    @Test
    void guarded_writesTheGuardedCellsAsAStrictRfc4180WriterWrites() {
        qt().withExamples(2000)
                .forAll(lists().of(cell()).ofSizeBetween(1, 5), rows())
                .checkAssert((header, rows) ->
                        assertThat(written(header, rows, FormulaGuard.ON)).isEqualTo(strict(header, rows, true)));
    }

    @Test
    void neutralize_guardsWhatStartsAFormulaAndNoPlainNumber() {
        java.util.regex.Pattern plainNumber = java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");
        qt().withExamples(3000).forAll(cell()).checkAssert(text -> {
            boolean trigger = !text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) >= 0;
            boolean guard = trigger && !plainNumber.matcher(text).matches();
            assertThat(CsvSafety.neutralize(text)).isEqualTo(guard ? "'" + text : text);
        });
        assertThat(CsvSafety.neutralize("-1.5")).isEqualTo("-1.5");
        assertThat(CsvSafety.neutralize("+12")).isEqualTo("+12");
        assertThat(CsvSafety.neutralize("-1.")).isEqualTo("'-1.");
        assertThat(CsvSafety.neutralize("-.5")).isEqualTo("'-.5");
        assertThat(CsvSafety.neutralize("-")).isEqualTo("'-");
    }

    @Test
    void cellsThatNeedQuotes_areQuotedWithTheirQuotesDoubled() {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.of(out, List.of("a", "b"), FormulaGuard.OFF)) {
            w.row("x,y", "say \"hi\"");
            w.row("line\nbreak", "cr\r");
            w.row(null, "plain");
        }
        assertThat(out.toString()).isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",\"cr\r\"\n,plain\n");
    }

    private static String written(List<String> header, List<List<String>> rows, FormulaGuard guard) {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.of(out, header, guard)) {
            for (List<String> row : rows) {
                w.row(row);
            }
        }
        return out.toString();
    }

    /** The same rows through Jackson's strict CSV generator, the cells guarded first when {@code guard}. */
    private static String strict(List<String> header, List<List<String>> rows, boolean guard) {
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper()
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writerFor(Object[].class)
                .writeValues(out)) {
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (List<String> row : all) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = guard ? CsvSafety.neutralize(row.get(i)) : row.get(i);
                }
                w.write(cells);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }
}
