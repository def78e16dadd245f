package org.cloudbilling.core.focus.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.focus.conformance.ModelRule.AllOf;
import org.cloudbilling.core.focus.conformance.ModelRule.AnyOf;
import org.cloudbilling.core.focus.conformance.ModelRule.DistinctCount;
import org.cloudbilling.core.focus.conformance.ModelRule.Keyword;
import org.cloudbilling.core.focus.conformance.ModelRule.Ref;
import org.cloudbilling.core.focus.conformance.ModelRule.RowCheck;
import org.cloudbilling.core.focus.conformance.ModelRule.RuleTree;
import org.cloudbilling.core.focus.conformance.ModelRule.Rules;
import org.cloudbilling.core.focus.conformance.RuleVerdict.Outcome;

/**
 * One check of a dataset against a model: plans which rules run (applicable, static, columns present), streams the
 * rows once through every planned rule, then derives each composite rule from the rules it combines.
 *
 * <p>A rule inherits the conditions of the composite rules that contain it (the first containing path that
 * applies), and applies only where its parents apply.
 */
final class Evaluation {
    /** How many failing rows a verdict shows. */
    static final int EXAMPLES = 3;

    /** How many values of a column a single-column check remembers its verdict for. */
    static final int MEMO_SIZE = 4096;

    private final ModelReader.Model model;
    private final Set<String> declared;
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, Boolean> applicable = new HashMap<>();
    private final Map<String, List<Check>> inherited = new HashMap<>();
    /** The rules that are alternatives of an OR of row rules, mapped to that OR rule: checked row by row there. */
    private final Map<String, String> alternatives = new HashMap<>();

    Evaluation(ModelReader.Model model, Set<String> declared) {
        this.model = model;
        this.declared = declared;
        for (ModelRule r : model.rules().values()) {
            if (r.requirement() instanceof Rules rs) {
                for (String child : new LinkedHashSet<>(ModelReader.refs(rs.tree(), new ArrayList<>()))) {
                    parents.computeIfAbsent(child, k -> new ArrayList<>()).add(r.id());
                }
                if (rowAlternatives(rs.tree()) != null) {
                    for (RuleTree t : ((AnyOf) rs.tree()).items()) {
                        alternatives.put(((Ref) t).ruleId(), r.id());
                    }
                }
            }
        }
    }

    /** The rules of an OR whose every item is a rule checked on rows, else null. */
    private List<ModelRule> rowAlternatives(RuleTree tree) {
        if (!(tree instanceof AnyOf any)) {
            return null;
        }
        List<ModelRule> out = new ArrayList<>();
        for (RuleTree t : any.items()) {
            if (!(t instanceof Ref ref)) {
                return null;
            }
            ModelRule child = model.rules().get(ref.ruleId());
            if (child.dynamic() || !(child.requirement() instanceof RowCheck)) {
                return null;
            }
            out.add(child);
        }
        return out;
    }

    private boolean applicable(String id) {
        Boolean known = applicable.get(id);
        if (known != null) {
            return known;
        }
        ModelRule r = model.rules().get(id);
        boolean own = declared.containsAll(r.criteria());
        List<String> ps = parents.getOrDefault(id, List.of());
        boolean result = own && (ps.isEmpty() || ps.stream().anyMatch(this::applicable));
        applicable.put(id, result);
        return result;
    }

    /** The conditions a rule's rows must meet: its parents' (along the first applicable path), then its own. */
    private List<Check> conditions(String id) {
        List<Check> known = inherited.get(id);
        if (known != null) {
            return known;
        }
        List<Check> out = new ArrayList<>();
        for (String p : parents.getOrDefault(id, List.of())) {
            if (applicable(p)) {
                out.addAll(conditions(p));
                break;
            }
        }
        Check own = model.rules().get(id).condition();
        if (own != null) {
            out.add(own);
        }
        List<Check> result = List.copyOf(out);
        inherited.put(id, result);
        return result;
    }

    ConformanceReport run(Dataset data, String source) {
        String[] header = data.header();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.putIfAbsent(header[i], i);
            times.merge(header[i], 1, Integer::sum);
        }
        List<String> problems = new ArrayList<>();
        times.forEach((name, n) -> {
            if (n > 1) {
                problems.add("the column " + name + " appears " + n + " times");
            }
        });
        problems.sort(null);
        CurrentRow row = new CurrentRow(index, data.typed());

        Map<String, RuleVerdict> verdicts = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        for (ModelRule r : model.rules().values()) {
            verdicts.put(r.id(), null);
            RuleVerdict decided = plan(r, row, index, times, probes);
            if (decided != null) {
                verdicts.put(r.id(), decided);
            }
        }
        long rows = 0;
        for (Object[] cells = data.next(); cells != null; cells = data.next()) {
            rows++;
            String shape = data.shapeProblem();
            if (shape != null && problems.size() < 20) {
                problems.add(shape);
            }
            row.cells = cells;
            for (Probe p : probes) {
                p.accept(row, data);
            }
        }
        for (Probe p : probes) {
            verdicts.put(p.rule.id(), p.verdict());
        }
        for (ModelRule r : model.rules().values()) {
            composite(r.id(), verdicts);
        }
        return new ConformanceReport(
                source, model.focusVersion(), rows, new TreeSet<>(declared), List.copyOf(verdicts.values()), problems);
    }

    /** Decides a rule that needs no rows, or adds the probe that will check it; null when composite or probed. */
    private RuleVerdict plan(
            ModelRule r, CurrentRow row, Map<String, Integer> index, Map<String, Integer> times, List<Probe> probes) {
        if (r.dynamic()) {
            return verdict(r, Outcome.DYNAMIC, 0, List.of(), "not checkable from the data (Dynamic)");
        }
        if (!applicable(r.id())) {
            Set<String> missing = new TreeSet<>(r.criteria());
            missing.removeAll(declared);
            return verdict(
                    r,
                    Outcome.NOT_APPLICABLE,
                    0,
                    List.of(),
                    missing.isEmpty() ? "a rule containing it does not apply" : "applies when " + missing);
        }
        if (Keyword.of(r.keyword()) == Keyword.MAY) {
            return verdict(r, Outcome.PERMISSION, 0, List.of(), "");
        }
        String alternativeOf = alternatives.get(r.id());
        if (alternativeOf != null) {
            return verdict(
                    r,
                    Outcome.NOT_CHECKED,
                    0,
                    List.of(),
                    "an alternative of " + alternativeOf
                            + ", which a row fails only when it fails every alternative: checked there");
        }
        if (r.requirement() instanceof Rules rs) {
            List<ModelRule> alts = rowAlternatives(rs.tree());
            if (alts == null) {
                return null;
            }
            List<Check> conditions = conditions(r.id());
            Set<String> columns = new TreeSet<>();
            conditions.forEach(c -> c.columns(columns));
            List<Check> altConditions = new ArrayList<>();
            List<Check> altChecks = new ArrayList<>();
            for (ModelRule alt : alts) {
                altConditions.add(alt.condition());
                altChecks.add(((RowCheck) alt.requirement()).check());
            }
            Check.Alternatives each = new Check.Alternatives(altConditions, altChecks);
            each.columns(columns);
            RuleVerdict unusable = unusable(r, columns, Set.of(), index, times);
            if (unusable != null) {
                return unusable;
            }
            probes.add(new RowProbe(r, conditions, each, columns));
            return null;
        }
        if (!(r.requirement() instanceof RowCheck) && !(r.requirement() instanceof DistinctCount)) {
            return verdict(r, Outcome.NOT_CHECKED, 0, List.of(), "the model gives no requirement to check");
        }
        List<Check> conditions = conditions(r.id());
        Set<String> columns = new TreeSet<>();
        conditions.forEach(c -> c.columns(columns));
        Set<String> presence = new TreeSet<>();
        if (r.requirement() instanceof RowCheck rc) {
            rc.check().columns(columns);
            presenceColumns(rc.check(), presence);
        } else {
            DistinctCount d = (DistinctCount) r.requirement();
            columns.add(d.columnA());
            columns.add(d.columnB());
        }
        RuleVerdict unusable = unusable(r, columns, presence, index, times);
        if (unusable != null) {
            return unusable;
        }
        columns.addAll(presence);
        if (r.requirement() instanceof RowCheck rc && columnsOf(rc.check()).isEmpty() && conditions.isEmpty()) {
            // a fact of the header (ColumnPresent): decided without rows, so it holds or fails on an empty dataset
            row.cells = new Object[0];
            return rc.check().test(row)
                    ? verdict(r, Outcome.HELD, 0, List.of(), "")
                    : verdict(r, Outcome.FAILED, 0, List.of(), "the header lacks the column");
        }
        probes.add(
                r.requirement() instanceof RowCheck rc
                        ? new RowProbe(r, conditions, rc.check(), columns)
                        : new DistinctProbe(r, conditions, (DistinctCount) r.requirement()));
        return null;
    }

    /**
     * The verdict of a rule that reads a column named twice (failed: its values are ambiguous) or a column the
     * dataset lacks (not checked: the presence rule reports it), else null. A column whose presence is what the rule
     * checks may be absent, but not named twice.
     */
    private static RuleVerdict unusable(
            ModelRule r,
            Set<String> read,
            Set<String> presence,
            Map<String, Integer> index,
            Map<String, Integer> times) {
        Set<String> absent = new TreeSet<>();
        Set<String> repeated = new TreeSet<>();
        for (String c : read) {
            if (!index.containsKey(c)) {
                absent.add(c);
            } else if (times.getOrDefault(c, 0) > 1) {
                repeated.add(c);
            }
        }
        for (String c : presence) {
            if (times.getOrDefault(c, 0) > 1) {
                repeated.add(c);
            }
        }
        if (!repeated.isEmpty()) {
            return verdict(
                    r,
                    Outcome.FAILED,
                    0,
                    List.of(),
                    "the column(s) " + repeated + " appear more than once, so their values are ambiguous");
        }
        if (!absent.isEmpty()) {
            return verdict(r, Outcome.NOT_CHECKED, 0, List.of(), "the dataset lacks " + absent);
        }
        return null;
    }

    private static Set<String> columnsOf(Check c) {
        Set<String> s = new HashSet<>();
        c.columns(s);
        return s;
    }

    private static void presenceColumns(Check c, Set<String> into) {
        if (c instanceof Check.ColumnPresent p) {
            into.add(p.column());
        } else if (c instanceof Check.Combined k) {
            k.items().forEach(i -> presenceColumns(i, into));
        }
    }

    /** The verdict of a composite rule, from the verdicts of the rules it combines (computed once, memoized). */
    private RuleVerdict composite(String id, Map<String, RuleVerdict> verdicts) {
        RuleVerdict known = verdicts.get(id);
        if (known != null) {
            return known;
        }
        ModelRule r = model.rules().get(id);
        RuleTree tree = ((Rules) r.requirement()).tree();
        List<String> through = new ArrayList<>();
        Outcome o = outcome(tree, verdicts, through);
        RuleVerdict v =
                verdict(r, o, 0, List.of(), o == Outcome.FAILED ? "fails through " + String.join(", ", through) : "");
        verdicts.put(id, v);
        return v;
    }

    private Outcome outcome(RuleTree tree, Map<String, RuleVerdict> verdicts, List<String> through) {
        if (tree instanceof Ref ref) {
            RuleVerdict child = composite(ref.ruleId(), verdicts);
            if (child.outcome() == Outcome.FAILED && !child.obliges()) {
                return Outcome.HELD; // advice not followed does not fail the rule containing it
            }
            if (child.outcome() == Outcome.FAILED) {
                through.add(child.ruleId());
            }
            return child.outcome();
        }
        boolean all = tree instanceof AllOf;
        List<RuleTree> items = all ? ((AllOf) tree).items() : ((AnyOf) tree).items();
        Set<Outcome> seen = new HashSet<>();
        for (RuleTree t : items) {
            seen.add(outcome(t, verdicts, through));
        }
        if (all) {
            if (seen.contains(Outcome.FAILED)) {
                return Outcome.FAILED;
            }
            if (seen.contains(Outcome.HELD)) {
                return Outcome.HELD;
            }
        } else {
            through.clear();
            if (seen.contains(Outcome.HELD)) {
                return Outcome.HELD;
            }
            if (seen.contains(Outcome.DYNAMIC)
                    || seen.contains(Outcome.NOT_CHECKED)
                    || seen.contains(Outcome.PERMISSION)) {
                return Outcome.NOT_CHECKED;
            }
            if (seen.contains(Outcome.FAILED)) {
                return Outcome.FAILED;
            }
        }
        if (seen.equals(Set.of(Outcome.NOT_APPLICABLE))) {
            return Outcome.NOT_APPLICABLE;
        }
        return Outcome.NOT_CHECKED;
    }

    static RuleVerdict verdict(ModelRule r, Outcome o, long failing, List<String> examples, String note) {
        return new RuleVerdict(r.id(), r.keyword(), r.text(), o, failing, examples, note);
    }

    /** The row being checked, its values found by column name. */
    private static final class CurrentRow implements Row {
        private final Map<String, Integer> index;
        private final boolean typed;
        Object[] cells = new Object[0];

        CurrentRow(Map<String, Integer> index, boolean typed) {
            this.index = index;
            this.typed = typed;
        }

        @Override
        public boolean has(String column) {
            return index.containsKey(column);
        }

        @Override
        public Object value(String column) {
            Integer i = index.get(column);
            return i == null || i >= cells.length ? null : cells[i];
        }

        @Override
        public boolean typed() {
            return typed;
        }
    }

    /** A rule checked on the rows as they stream by. */
    private abstract static class Probe {
        final ModelRule rule;
        final List<Check> conditions;

        Probe(ModelRule rule, List<Check> conditions) {
            this.rule = rule;
            this.conditions = conditions;
        }

        final void accept(Row row, Dataset data) {
            for (Check c : conditions) {
                if (!c.test(row)) {
                    return;
                }
            }
            check(row, data);
        }

        abstract void check(Row row, Dataset data);

        abstract RuleVerdict verdict();
    }

    /** A rule every row in its condition must pass. */
    private static final class RowProbe extends Probe {
        private final Check check;
        private final Set<String> shown;
        private final List<String> examples = new ArrayList<>();
        private long failing;

        /**
         * For a check of one column: the verdicts of the values seen, so that a value repeated on many rows (a
         * currency, a unit, a date) is checked once; at most {@link #MEMO_SIZE} values.
         */
        private final Map<Object, Boolean> memo;

        RowProbe(ModelRule rule, List<Check> conditions, Check check, Set<String> shown) {
            super(rule, conditions);
            this.check = check;
            this.shown = shown;
            this.memo = check instanceof Check.OnColumn ? new HashMap<>() : null;
        }

        private boolean passes(Row row) {
            if (memo == null) {
                return check.test(row);
            }
            Object v = row.value(((Check.OnColumn) check).column());
            if (v == null) {
                return check.test(row);
            }
            Boolean known = memo.get(v);
            if (known != null) {
                return known;
            }
            boolean result = check.test(row);
            if (memo.size() < MEMO_SIZE) {
                memo.put(v, result);
            }
            return result;
        }

        @Override
        void check(Row row, Dataset data) {
            if (passes(row)) {
                return;
            }
            failing++;
            if (examples.size() < EXAMPLES) {
                StringBuilder b = new StringBuilder(data.where()).append(':');
                for (String c : shown) {
                    Object v = row.value(c);
                    b.append(' ').append(c).append('=').append(v == null ? "null" : "'" + Values.text(v) + "'");
                }
                examples.add(b.toString());
            }
        }

        @Override
        RuleVerdict verdict() {
            return Evaluation.verdict(rule, failing == 0 ? Outcome.HELD : Outcome.FAILED, failing, examples, "");
        }
    }

    /**
     * A CheckDistinctCount rule: the distinct values of B seen with each value of A. Memory grows with the distinct
     * values of A; each holds at most one more value of B than expected.
     */
    private static final class DistinctProbe extends Probe {
        private final DistinctCount d;
        private final Map<String, Set<String>> seen = new LinkedHashMap<>();

        DistinctProbe(ModelRule rule, List<Check> conditions, DistinctCount d) {
            super(rule, conditions);
            this.d = d;
        }

        @Override
        void check(Row row, Dataset data) {
            Object a = row.value(d.columnA());
            if (a == null) {
                return;
            }
            Set<String> bs = seen.computeIfAbsent(Values.text(a), k -> new LinkedHashSet<>());
            Object b = row.value(d.columnB());
            if (b != null && bs.size() <= d.expected()) {
                bs.add(Values.text(b));
            }
        }

        @Override
        RuleVerdict verdict() {
            long failing = 0;
            List<String> examples = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : seen.entrySet()) {
                if (e.getValue().size() != d.expected()) {
                    failing++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(d.columnA() + " '" + e.getKey() + "' has "
                                + e.getValue().size()
                                + (e.getValue().size() > d.expected() ? " or more" : "") + " distinct "
                                + d.columnB() + " " + e.getValue() + ", expected " + d.expected());
                    }
                }
            }
            return Evaluation.verdict(rule, failing == 0 ? Outcome.HELD : Outcome.FAILED, failing, examples, "");
        }
    }
}
