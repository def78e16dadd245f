package org.cloudbilling.core.focus.conformance;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.focus.conformance.RuleVerdict.Outcome;

/**
 * The verdict of a model on a dataset: one {@link RuleVerdict} per rule of the model, in the model's order, and the
 * dataset's own problems (a column named twice, a row of the wrong length).
 *
 * <pre>{@code
 * ConformanceReport report = FocusConformance.focus12().check(Path.of("export.csv"), Set.of());
 * if (!report.conforms()) { System.out.print(report.text(false)); }
 * }</pre>
 */
public final class ConformanceReport {
    private final String source;
    private final String focusVersion;
    private final long rows;
    private final Set<String> declared;
    private final List<RuleVerdict> verdicts;
    private final List<String> datasetProblems;

    ConformanceReport(
            String source,
            String focusVersion,
            long rows,
            Set<String> declared,
            List<RuleVerdict> verdicts,
            List<String> datasetProblems) {
        this.source = requireNonNull(source, "source");
        this.focusVersion = requireNonNull(focusVersion, "focusVersion");
        this.rows = rows;
        this.declared = Set.copyOf(declared);
        this.verdicts = List.copyOf(verdicts);
        this.datasetProblems = List.copyOf(datasetProblems);
    }

    /**
     * Returns every rule's verdict, in the model's order.
     *
     * @return the verdicts, never null
     */
    public List<RuleVerdict> verdicts() {
        return verdicts;
    }

    /**
     * Returns the verdict of one rule.
     *
     * @param ruleId the rule's id, not null
     * @return its verdict, or empty when the model has no such rule
     */
    public Optional<RuleVerdict> verdict(String ruleId) {
        requireNonNull(ruleId, "ruleId");
        return verdicts.stream().filter(v -> v.ruleId().equals(ruleId)).findFirst();
    }

    /**
     * Returns the MUST and MUST NOT rules the dataset breaks.
     *
     * @return the violations, never null
     */
    public List<RuleVerdict> violations() {
        return verdicts.stream().filter(RuleVerdict::isViolation).toList();
    }

    /**
     * Returns the SHOULD, SHOULD NOT and RECOMMENDED rules the dataset does not follow.
     *
     * @return the advice, never null
     */
    public List<RuleVerdict> advice() {
        return verdicts.stream().filter(RuleVerdict::isAdvice).toList();
    }

    /**
     * Returns the problems of the dataset's shape: a column named more than once, a row whose cell count differs
     * from the header's (at most 20 listed).
     *
     * @return the problems, never null
     */
    public List<String> datasetProblems() {
        return datasetProblems;
    }

    /**
     * Whether every checked MUST and MUST NOT rule holds and the dataset has no problem of shape.
     *
     * @return whether the dataset conforms as far as the data shows
     */
    public boolean conforms() {
        return datasetProblems.isEmpty() && violations().isEmpty();
    }

    /**
     * Returns the number of data rows read.
     *
     * @return the rows
     */
    public long rows() {
        return rows;
    }

    /**
     * Returns the report as text: a summary, the dataset's problems, the violations, the advice, and with
     * {@code everyRule} every other rule's verdict too.
     *
     * @param everyRule whether to list every rule, not only violations and advice
     * @return the text, never null
     */
    public String text(boolean everyRule) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        verdicts.forEach(v -> counts.merge(v.outcome(), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        b.append("FOCUS ")
                .append(focusVersion)
                .append(" conformance of ")
                .append(source)
                .append(": ")
                .append(rows)
                .append(" rows, ")
                .append(verdicts.size())
                .append(" rules; declared features: ")
                .append(declared.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(declared)))
                .append('\n');
        b.append("  ")
                .append(violations().size())
                .append(" MUST violated, ")
                .append(advice().size())
                .append(" SHOULD not followed, ")
                .append(counts.getOrDefault(Outcome.HELD, 0))
                .append(" held, ")
                .append(counts.getOrDefault(Outcome.NOT_APPLICABLE, 0))
                .append(" not applicable, ")
                .append(counts.getOrDefault(Outcome.DYNAMIC, 0))
                .append(" dynamic (not checkable from data), ")
                .append(counts.getOrDefault(Outcome.PERMISSION, 0))
                .append(" MAY, ")
                .append(counts.getOrDefault(Outcome.NOT_CHECKED, 0))
                .append(" not checked\n");
        for (String p : datasetProblems) {
            b.append("PROBLEM ").append(p).append('\n');
        }
        for (RuleVerdict v : violations()) {
            line(b, "FAILED ", v);
        }
        for (RuleVerdict v : advice()) {
            line(b, "ADVICE ", v);
        }
        if (everyRule) {
            for (RuleVerdict v : verdicts) {
                if (v.outcome() != Outcome.FAILED) {
                    line(b, v.outcome().name() + " ", v);
                }
            }
        }
        b.append(conforms() ? "CONFORMS: every checked MUST holds\n" : "DOES NOT CONFORM\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, RuleVerdict v) {
        b.append(label)
                .append(v.ruleId())
                .append(" [")
                .append(v.keyword())
                .append("] ")
                .append(v.requirement());
        if (v.failingRows() > 0) {
            b.append(" (").append(v.failingRows()).append(v.failingRows() == 1 ? " row)" : " rows)");
        }
        if (!v.note().isEmpty()) {
            b.append(" (").append(v.note()).append(')');
        }
        b.append('\n');
        for (String e : v.examples()) {
            b.append("    ").append(e).append('\n');
        }
    }
}
