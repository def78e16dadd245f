package org.cloudbilling.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.id.TagKey;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The same per-unit totals in SQL, as a skilled engineer would compute them over a bill export: the items, tag
 * history and rules loaded into an in-process DuckDB (or the items read from a canonical CSV file by {@code
 * read_csv}); the items summed by the values the rules test, their effective tags resolved on those groups, one
 * {@code CASE} in rule precedence evaluated per distinct key (lists of five values or more as {@code
 * list_contains}), the keys summed by placement, then each sharing rule's pool split once.
 *
 * <p>Amounts load as {@code DECIMAL(18,8)}; the SQL computes in integer units of 10<sup>-8</sup> as {@code
 * HUGEINT}, so every sum and split is exact. As in the library's run (ALLOC-12, docs/decisions/0007), a target's
 * total from a sharing rule is the rule's pool, everything that reaches the rule by any path, split once by
 * largest remainder at the allocation scale of 8 decimals: each target gets {@code floor(units x weight /
 * total)}, and the units left over go one each to the largest remainders, ties to the smaller unit id (what
 * {@code Split.apply} does with a tie-break of zeros). Rules are split level by level in topological order, so
 * a pool is complete before it is split (ALLOC-13). See docs/decisions/0005-duckdb-reproduces-allocation-exactly.md.
 *
 * <p>Not thread-safe: one connection.
 */
final class DuckDbAllocation implements AutoCloseable {
    private static final int SCALE = 8;

    private final DuckDBConnection connection;
    private final AllocationRuleSet rules;
    private final List<TagKey> tagKeys;
    private final String placeSql;
    /** Each sharing rule's level: 0 when nothing is shared to its source unit, else one more than its feeders'. */
    private final int[] levels;

    /**
     * Opens an in-memory database using {@code threads} threads and loads the month into it.
     *
     * @throws IllegalArgumentException if an amount has more than 8 decimals or beyond 10 integer digits, the
     *     items are in several currencies, or a rule falls back to Unallocated (what this SQL does not reproduce)
     */
    DuckDbAllocation(
            AllocationRuleSet rules,
            List<TagKey> tagKeys,
            Iterable<LineItem> items,
            List<TagBinding> bindings,
            int threads)
            throws SQLException {
        this(rules, tagKeys, threads, requireNonNull(items, "items"), bindings);
    }

    /**
     * Opens an in-memory database using {@code threads} threads with the rules alone, for {@link
     * #allocateFile}.
     *
     * @throws IllegalArgumentException if a rule falls back to Unallocated (what this SQL does not reproduce)
     */
    DuckDbAllocation(AllocationRuleSet rules, List<TagKey> tagKeys, int threads) throws SQLException {
        this(rules, tagKeys, threads, null, null);
    }

    /** Opens the database with the rules, and the month when {@code items} is not null. */
    private DuckDbAllocation(
            AllocationRuleSet rules,
            List<TagKey> tagKeys,
            int threads,
            Iterable<LineItem> items,
            List<TagBinding> bindings)
            throws SQLException {
        this.rules = rules;
        this.tagKeys = List.copyOf(tagKeys);
        for (SharingRule r : rules.sharingRules()) {
            checkArgument(
                    r.fallback() == ZeroBaseFallback.EVEN,
                    "sharing rule %s falls back to Unallocated, which this SQL does not reproduce",
                    r.id());
        }
        this.levels = levels(rules.sharingRules());
        this.connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try {
            execute("SET threads TO " + threads);
            execute("SET preserve_insertion_order = false");
            if (items != null) {
                load(items, bindings);
            }
            loadRules();
            this.placeSql = items == null ? null : placeSql();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void load(Iterable<LineItem> items, List<TagBinding> bindings) throws SQLException {
        StringBuilder tagColumns = new StringBuilder();
        for (int k = 0; k < tagKeys.size(); k++) {
            tagColumns.append(", t").append(k).append(" VARCHAR");
        }
        execute("CREATE TABLE items (id BIGINT, owner_uin VARCHAR, operate_uin VARCHAR, business_code VARCHAR,"
                + " product_code VARCHAR, item_code VARCHAR, project_id VARCHAR, region_id VARCHAR,"
                + " resource_id VARCHAR, pay_mode VARCHAR, instance_type VARCHAR, action_type VARCHAR,"
                + " tag_at BIGINT" + tagColumns + ", amount DECIMAL(18,8))");
        long id = 0;
        Currency currency = null;
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "items")) {
            for (LineItem item : items) {
                if (currency == null) {
                    currency = item.currency();
                }
                checkArgument(
                        item.currency().equals(currency),
                        "item %s is in %s, another item in %s: this SQL computes one currency",
                        item.id(),
                        item.currency(),
                        currency);
                BigDecimal amount = item.totalCost().amount();
                checkArgument(
                        amount.scale() >= 0 && amount.scale() <= SCALE && amount.precision() - amount.scale() <= 10,
                        "item %s: amount %s does not fit DECIMAL(18,8) with 0 to 8 decimals",
                        item.id(),
                        amount.toPlainString());
                a.beginRow();
                a.append(id++);
                a.append(item.ownerUin().value());
                append(a, item.operatorUin());
                a.append(item.businessCode().value());
                append(a, item.productCode());
                append(a, item.itemCode());
                append(a, item.projectId());
                append(a, item.regionId());
                append(a, item.resourceId());
                a.append(item.payMode().name());
                append(a, item.instanceType());
                a.append(item.actionType().name());
                a.append(item.deductionTime().orElse(item.feePeriod().start()).getEpochSecond());
                for (TagKey k : tagKeys) {
                    String v = item.tags().get(k);
                    if (v == null) {
                        a.appendNull();
                    } else {
                        a.append(v);
                    }
                }
                a.append(amount.setScale(SCALE));
                a.endRow();
            }
        }
        execute("CREATE TABLE bindings (resource_id VARCHAR, tag_key VARCHAR, tag_value VARCHAR, bound_at BIGINT,"
                + " ended_at BIGINT)");
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bindings")) {
            for (TagBinding b : bindings) {
                a.beginRow();
                a.append(b.resourceId().value());
                a.append(b.tag().key().value());
                a.append(b.tag().value());
                a.append(b.boundAt().getEpochSecond());
                if (b.endedAt().isPresent()) {
                    a.append(b.endedAt().get().getEpochSecond());
                } else {
                    a.appendNull();
                }
                a.endRow();
            }
        }
    }

    private void loadRules() throws SQLException {
        // The rules as data: collection rules' units by code, sharing rules' targets, unit sources.
        execute("CREATE TABLE collection_rules (code INTEGER, unit VARCHAR)");
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "collection_rules")) {
            for (int i = 0; i < rules.collectionRules().size(); i++) {
                a.beginRow();
                a.append(i + 1);
                a.append(rules.collectionRules().get(i).unit().value());
                a.endRow();
            }
        }
        execute("CREATE TABLE sharing_targets (rule_k INTEGER, unit VARCHAR, method VARCHAR, percentage DECIMAL(9,4))");
        execute("CREATE TABLE unit_sources (unit VARCHAR, rule_k INTEGER)");
        execute("CREATE TABLE rule_levels (rule_k INTEGER, level INTEGER)");
        try (DuckDBAppender t = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sharing_targets");
                DuckDBAppender s = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "unit_sources");
                DuckDBAppender l = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rule_levels")) {
            for (int k = 0; k < rules.sharingRules().size(); k++) {
                SharingRule r = rules.sharingRules().get(k);
                l.beginRow();
                l.append(k);
                l.append(levels[k]);
                l.endRow();
                for (UnitId u : r.targets()) {
                    t.beginRow();
                    t.append(k);
                    t.append(u.value());
                    t.append(r.method().name());
                    BigDecimal pct = r.percentages().get(u);
                    if (pct == null) {
                        t.appendNull();
                    } else {
                        t.append(pct.setScale(4));
                    }
                    t.endRow();
                }
                if (r.source() instanceof SharingSource.CollectedBy c) {
                    s.beginRow();
                    s.append(c.unit().value());
                    s.append(k);
                    s.endRow();
                }
            }
        }
        execute("CHECKPOINT");
    }

    private static void append(DuckDBAppender a, Optional<? extends Identifier> value) throws SQLException {
        if (value.isPresent()) {
            a.append(value.get().value());
        } else {
            a.appendNull();
        }
    }

    /**
     * Returns each sharing rule's level in the sharing graph (Kahn's algorithm, no recursion): a rule's source
     * unit receives shares only from rules of lower levels, so splitting level by level splits each pool whole.
     */
    private static int[] levels(List<SharingRule> sharing) {
        Map<UnitId, Integer> ruleOfSource = new HashMap<>();
        for (int k = 0; k < sharing.size(); k++) {
            if (sharing.get(k).source() instanceof SharingSource.CollectedBy c) {
                ruleOfSource.putIfAbsent(c.unit(), k);
            }
        }
        List<List<Integer>> onward = new ArrayList<>();
        int[] feeders = new int[sharing.size()];
        for (SharingRule r : sharing) {
            List<Integer> next = new ArrayList<>();
            for (UnitId t : r.targets()) {
                Integer k = ruleOfSource.get(t);
                if (k != null) {
                    next.add(k);
                    feeders[k]++;
                }
            }
            onward.add(next);
        }
        int[] level = new int[sharing.size()];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int k = 0; k < feeders.length; k++) {
            if (feeders[k] == 0) {
                ready.add(k);
            }
        }
        int seen = 0;
        while (!ready.isEmpty()) {
            int k = ready.poll();
            seen++;
            for (int next : onward.get(k)) {
                level[next] = Math.max(level[next], level[k] + 1);
                if (--feeders[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (seen != sharing.size()) {
            throw new IllegalStateException("bug: the rule set's sharing rules form a cycle, which it refuses");
        }
        return level;
    }

    /**
     * Computes each unit's total, Unallocated included, with SQL alone.
     *
     * @return the totals by unit id, Unallocated under {@link UnitTotals#UNALLOCATED}
     */
    ImmutableSortedMap<String, BigDecimal> allocate() throws SQLException {
        checkArgument(placeSql != null, "no items loaded: allocate a file with allocateFile");
        return allocate(placeSql);
    }

    /**
     * Computes each unit's total from a canonical CSV file, read by DuckDB itself with a typed {@code
     * read_csv}; the printed tags are the effective ones (a file has no tag history). Amounts are {@code
     * totalCost} (BilledCost), in one currency.
     *
     * @return the totals by unit id, Unallocated under {@link UnitTotals#UNALLOCATED}
     */
    ImmutableSortedMap<String, BigDecimal> allocateFile(String csv) throws SQLException {
        return allocate("CREATE TEMP TABLE placements AS " + placeFileQuery(csv));
    }

    /** Returns the {@code EXPLAIN ANALYZE} text of a query. */
    String explainAnalyze(String query) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("EXPLAIN ANALYZE " + query)) {
            while (rs.next()) {
                out.append(rs.getString(2)).append('\n');
            }
        }
        return out.toString();
    }

    private ImmutableSortedMap<String, BigDecimal> allocate(String placements) throws SQLException {
        for (String t : List.of("placements", "pools", "done", "weights", "weight_totals", "parts")) {
            execute("DROP TABLE IF EXISTS " + t);
        }
        // 1. the one scan of the items: summed by the values the rules test, each distinct key placed by one
        //    CASE, summed by placement
        execute(placements);
        // 2. where each placement goes: into a sharing rule's pool, to a unit that keeps it, or to Unallocated
        execute("CREATE TEMP TABLE pools AS"
                + " SELECT CASE WHEN p.code < 0 THEN -p.code - 1 ELSE s.rule_k END AS rule_k, p.units"
                + " FROM placements p LEFT JOIN collection_rules c ON c.code = p.code"
                + " LEFT JOIN unit_sources s ON s.unit = c.unit WHERE p.code < 0 OR s.rule_k IS NOT NULL");
        execute("CREATE TEMP TABLE done AS"
                + " SELECT c.unit, sum(p.units) AS units FROM placements p LEFT JOIN collection_rules c ON c.code = p.code"
                + " LEFT JOIN unit_sources s ON s.unit = c.unit"
                + " WHERE p.code >= 0 AND s.rule_k IS NULL GROUP BY c.unit");
        // 3. the weights: percentages, ones, or the targets' collected cost when positive (else an even split);
        //    idx is the target's position in ascending unit id, the library's order of parts
        execute(
                "CREATE TEMP TABLE weights AS"
                        + " WITH bases AS (SELECT c.unit, sum(p.units) AS base FROM placements p"
                        + "   JOIN collection_rules c ON c.code = p.code GROUP BY c.unit),"
                        + " t AS (SELECT rule_k, unit, method, percentage,"
                        + "   row_number() OVER (PARTITION BY rule_k ORDER BY unit) - 1 AS idx FROM sharing_targets),"
                        + " w AS (SELECT t.rule_k, t.idx, t.unit, CASE t.method"
                        + "   WHEN 'RATIO' THEN CAST(t.percentage * 10000 AS HUGEINT)"
                        + "   WHEN 'EVEN' THEN CAST(1 AS HUGEINT)"
                        + "   ELSE CASE WHEN b.base > 0 THEN b.base ELSE CAST(0 AS HUGEINT) END END AS w"
                        + "   FROM t LEFT JOIN bases b ON b.unit = t.unit)"
                        + " SELECT rule_k, idx, unit,"
                        + "   CASE WHEN sum(w) OVER (PARTITION BY rule_k) = 0 THEN CAST(1 AS HUGEINT) ELSE w END AS weight FROM w");
        execute("CREATE TEMP TABLE weight_totals AS SELECT rule_k, sum(weight) AS total FROM weights GROUP BY rule_k");
        // 4. level by level in topological order: each rule's pool, complete now, split once by largest remainder
        //    (the sign put back after splitting the absolute value); parts reaching a sharing rule's source unit
        //    join that rule's pool, the others are the targets' totals
        int top = Arrays.stream(levels).max().orElse(-1);
        for (int level = 0; level <= top; level++) {
            execute("CREATE OR REPLACE TEMP TABLE parts AS"
                    + " WITH p AS (SELECT q.rule_k, sum(q.units) AS units FROM pools q"
                    + "   JOIN rule_levels l ON l.rule_k = q.rule_k WHERE l.level = " + level + " GROUP BY q.rule_k),"
                    + " f AS (SELECT p.rule_k, sign(p.units) AS sg, abs(p.units) AS u, w.idx, w.unit,"
                    + "   (abs(p.units) * w.weight) // s.total AS fl, (abs(p.units) * w.weight) % s.total AS rem"
                    + "   FROM p JOIN weights w ON w.rule_k = p.rule_k JOIN weight_totals s ON s.rule_k = p.rule_k),"
                    + " g AS (SELECT *, u - sum(fl) OVER (PARTITION BY rule_k) AS leftover,"
                    + "   row_number() OVER (PARTITION BY rule_k ORDER BY rem DESC, idx) AS rk FROM f)"
                    + " SELECT unit, sg * (fl + CASE WHEN rk <= leftover THEN 1 ELSE 0 END) AS units FROM g");
            execute("INSERT INTO done SELECT p.unit, p.units FROM parts p"
                    + " LEFT JOIN unit_sources s ON s.unit = p.unit WHERE s.rule_k IS NULL");
            execute("INSERT INTO pools SELECT s.rule_k, p.units FROM parts p JOIN unit_sources s ON s.unit = p.unit");
        }
        ImmutableSortedMap.Builder<String, BigDecimal> out = ImmutableSortedMap.naturalOrder();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT unit, CAST(sum(units) AS VARCHAR) FROM done GROUP BY unit")) {
            while (rs.next()) {
                String unit = rs.getString(1);
                out.put(
                        unit == null ? UnitTotals.UNALLOCATED : unit,
                        new BigDecimal(new BigInteger(rs.getString(2)), SCALE));
            }
        }
        return out.build();
    }

    /**
     * Returns the SQL that sums the items' amounts, in units of 10<sup>-8</sup>, by placement: the items grouped
     * first by the values the rules test (one scan of the items, about one row per resource after it), their
     * effective tags resolved on those groups, the groups merged again by effective values, and only then one
     * {@code CASE} in rule precedence evaluated on each distinct key.
     */
    String placeSql() {
        return "CREATE TEMP TABLE placements AS " + placeQuery();
    }

    /** The query of {@link #placeSql()}, without the table it fills, for {@code EXPLAIN ANALYZE}. */
    String placeQuery() {
        // a resource the tag history knows keeps its id and the item's instant, to look its tags up once per group
        List<String> grouped = new ArrayList<>();
        for (AllocationDimension d : testedDimensions()) {
            grouped.add("i." + COLUMNS.get(d) + " AS " + COLUMNS.get(d));
        }
        List<String> effective = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        for (int k : testedTagKeys()) {
            grouped.add("i.t" + k + " AS t" + k);
            // the effective tag: the history's at the instant for a known resource, else the printed one
            String b = "b" + k;
            effective.add("CASE WHEN g.hr IS NULL THEN g.t" + k + " ELSE " + b + ".tag_value END");
            joins.append(" LEFT JOIN bindings ")
                    .append(b)
                    .append(" ON ")
                    .append(b)
                    .append(".resource_id = g.hr AND ");
            joins.append(b).append(".tag_key = ").append(literal(tagKeys.get(k).value()));
            joins.append(" AND ")
                    .append(b)
                    .append(".bound_at <= g.ht AND (")
                    .append(b)
                    .append(".ended_at IS NULL");
            joins.append(" OR g.ht < ").append(b).append(".ended_at)");
        }
        grouped.add("CASE WHEN h.resource_id IS NULL THEN NULL ELSE i.resource_id END AS hr");
        grouped.add("CASE WHEN h.resource_id IS NULL THEN NULL ELSE i.tag_at END AS ht");
        return placementsQuery(
                grouped,
                "i.amount",
                "items i LEFT JOIN (SELECT DISTINCT resource_id FROM bindings) h ON h.resource_id = i.resource_id",
                effective,
                joins.toString());
    }

    /**
     * Returns the query placing the distinct keys of a canonical CSV file (no tag history: the printed tags
     * are the effective ones, as {@code billing allocate} reads a file), summed in units of 10<sup>-8</sup>
     * by placement: a typed {@code read_csv} grouped by what the rules test and the raw tags text, the tags
     * parsed once per group, then one {@code CASE} per distinct key.
     */
    String placeFileQuery(String csv) {
        List<String> grouped = new ArrayList<>();
        for (AllocationDimension d : testedDimensions()) {
            grouped.add(CSV_COLUMNS.get(d) + " AS " + COLUMNS.get(d));
        }
        grouped.add("tags");
        List<String> effective = new ArrayList<>();
        for (int k : testedTagKeys()) {
            effective.add("json_extract_string(g.tags, "
                    + literal("$." + tagKeys.get(k).value()) + ")");
        }
        StringBuilder source = new StringBuilder("read_csv(")
                .append(literal(csv))
                .append(", header = true, auto_detect = false, columns = {");
        for (int c = 0; c < CSV_HEADER.size(); c++) {
            String name = CSV_HEADER.get(c);
            source.append(c == 0 ? "" : ", ")
                    .append(literal(name))
                    .append(": ")
                    .append(name.equals("totalCost") ? "'DECIMAL(18,8)'" : "'VARCHAR'");
        }
        return placementsQuery(grouped, "totalCost", source.append("})").toString(), effective, "");
    }

    /**
     * The one shape of the placement query, for items in a table or in a file: {@code g}, the one scan of
     * {@code source}, its {@code amount} summed by the {@code grouped} columns (what the rules test, and what the
     * effective tags are found from); {@code d}, those groups merged by the rules' dimensions and the
     * {@code effective} tags ({@code e0}, {@code e1}, ..., found per group of {@code g}, through {@code joins}); then
     * one {@code CASE} in rule precedence on each distinct key of {@code d}, summed by placement in units of
     * 10<sup>-8</sup>.
     */
    private String placementsQuery(
            List<String> grouped, String amount, String source, List<String> effective, String joins) {
        List<String> keys = new ArrayList<>();
        for (AllocationDimension d : testedDimensions()) {
            keys.add("g." + COLUMNS.get(d) + " AS " + COLUMNS.get(d));
        }
        List<Integer> tagIndices = testedTagKeys();
        for (int j = 0; j < effective.size(); j++) {
            keys.add(effective.get(j) + " AS e" + tagIndices.get(j));
        }
        keys.add("sum(g.amount) AS amount");
        grouped.add("sum(" + amount + ") AS amount");
        return "WITH g AS (SELECT " + String.join(", ", grouped) + " FROM " + source + " GROUP BY ALL),"
                + " d AS (SELECT " + String.join(", ", keys) + " FROM g" + joins + " GROUP BY ALL)"
                + " SELECT " + caseSql() + " AS code, CAST(sum(amount) * 100000000 AS HUGEINT) AS units"
                + " FROM d GROUP BY code";
    }

    /** One CASE over every rule: sharing rules by condition first (first wins), then collection rules. */
    private String caseSql() {
        StringBuilder sql = new StringBuilder("CASE");
        List<SharingRule> sharing = rules.sharingRules();
        for (int k = 0; k < sharing.size(); k++) {
            if (sharing.get(k).source() instanceof SharingSource.Matching m) {
                sql.append(" WHEN ").append(sql(m.condition())).append(" THEN ").append(-k - 1);
            }
        }
        List<AllocationRule> collection = rules.collectionRules();
        for (int i = 0; i < collection.size(); i++) {
            sql.append(" WHEN ")
                    .append(sql(collection.get(i).condition()))
                    .append(" THEN ")
                    .append(i + 1);
        }
        return sql.append(" ELSE 0 END").toString();
    }

    /** The conditions of the rules a CASE tests: sharing sources by condition and collection rules. */
    private List<Condition> conditions() {
        List<Condition> out = new ArrayList<>();
        for (SharingRule r : rules.sharingRules()) {
            if (r.source() instanceof SharingSource.Matching m) {
                out.add(m.condition());
            }
        }
        rules.collectionRules().forEach(r -> out.add(r.condition()));
        return out;
    }

    /** The dimensions some rule tests, in declaration order. */
    private List<AllocationDimension> testedDimensions() {
        java.util.EnumSet<AllocationDimension> out = java.util.EnumSet.noneOf(AllocationDimension.class);
        conditions()
                .forEach(c -> leaves(c, in -> {
                    if (in.tagKey().isEmpty()) {
                        out.add(in.dimension());
                    }
                }));
        return List.copyOf(out);
    }

    /** The positions in {@link #tagKeys} of the tag keys some rule tests, ascending. */
    private List<Integer> testedTagKeys() {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        conditions()
                .forEach(c -> leaves(c, in -> {
                    if (in.tagKey().isPresent()) {
                        int k = tagKeys.indexOf(in.tagKey().get());
                        checkArgument(
                                k >= 0, "tag key %s is not loaded", in.tagKey().get());
                        out.add(k);
                    }
                }));
        return List.copyOf(out);
    }

    private static void leaves(Condition c, java.util.function.Consumer<Condition.In> sink) {
        if (c instanceof Condition.In in) {
            sink.accept(in);
        } else if (c instanceof Condition.And and) {
            and.conditions().forEach(p -> leaves(p, sink));
        } else {
            ((Condition.Or) c).conditions().forEach(p -> leaves(p, sink));
        }
    }

    /**
     * A condition as SQL; an absent value is in no list and not in every list, as in the library. A list of
     * five values or more is a {@code list_contains} over a constant list, no {@code IN} list (DuckDB 2.0 turns
     * a lone {@code IN} of five or more constants into a mark join; in this {@code CASE} it plans neither form as
     * a join, as {@code EXPLAIN} shows).
     */
    private String sql(Condition c) {
        if (c instanceof Condition.In in) {
            String column = column(in);
            StringBuilder list = new StringBuilder();
            for (String v : in.values()) {
                list.append(list.length() == 0 ? "" : ", ").append(literal(v));
            }
            String member = in.values().size() >= 5
                    ? "list_contains([" + list + "], " + column + ")"
                    : column + " IN (" + list + ")";
            return in.negated() ? "(" + column + " IS NULL OR NOT " + member + ")" : member;
        }
        boolean and = c instanceof Condition.And;
        List<Condition> parts = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
        List<String> sql = new ArrayList<>();
        parts.forEach(p -> sql.add(sql(p)));
        return "(" + String.join(and ? " AND " : " OR ", sql) + ")";
    }

    private String column(Condition.In in) {
        if (in.tagKey().isPresent()) {
            int k = tagKeys.indexOf(in.tagKey().get());
            checkArgument(k >= 0, "tag key %s is not loaded", in.tagKey().get());
            return "e" + k;
        }
        return COLUMNS.get(in.dimension());
    }

    private static final Map<AllocationDimension, String> COLUMNS = Map.ofEntries(
            Map.entry(AllocationDimension.OWNER_UIN, "owner_uin"),
            Map.entry(AllocationDimension.OPERATOR_UIN, "operate_uin"),
            Map.entry(AllocationDimension.BUSINESS_CODE, "business_code"),
            Map.entry(AllocationDimension.PRODUCT_CODE, "product_code"),
            Map.entry(AllocationDimension.ITEM_CODE, "item_code"),
            Map.entry(AllocationDimension.PROJECT_ID, "project_id"),
            Map.entry(AllocationDimension.REGION_ID, "region_id"),
            Map.entry(AllocationDimension.RESOURCE_ID, "resource_id"),
            Map.entry(AllocationDimension.PAY_MODE, "pay_mode"),
            Map.entry(AllocationDimension.INSTANCE_TYPE, "instance_type"),
            Map.entry(AllocationDimension.ACTION_TYPE, "action_type"));

    /** The canonical CSV columns of the dimensions. */
    private static final Map<AllocationDimension, String> CSV_COLUMNS = Map.ofEntries(
            Map.entry(AllocationDimension.OWNER_UIN, "ownerUin"),
            Map.entry(AllocationDimension.OPERATOR_UIN, "operatorUin"),
            Map.entry(AllocationDimension.BUSINESS_CODE, "businessCode"),
            Map.entry(AllocationDimension.PRODUCT_CODE, "productCode"),
            Map.entry(AllocationDimension.ITEM_CODE, "itemCode"),
            Map.entry(AllocationDimension.PROJECT_ID, "projectId"),
            Map.entry(AllocationDimension.REGION_ID, "regionId"),
            Map.entry(AllocationDimension.RESOURCE_ID, "resourceId"),
            Map.entry(AllocationDimension.PAY_MODE, "payMode"),
            Map.entry(AllocationDimension.INSTANCE_TYPE, "instanceType"),
            Map.entry(AllocationDimension.ACTION_TYPE, "actionType"));

    /** The canonical CSV header, in order. */
    static final List<String> CSV_HEADER = List.of(
            "id",
            "ownerUin",
            "payerUin",
            "operatorUin",
            "businessCode",
            "productCode",
            "itemCode",
            "regionId",
            "projectId",
            "resourceId",
            "instanceType",
            "payMode",
            "settlementCycle",
            "actionType",
            "feePeriodStart",
            "feePeriodEnd",
            "deductionTime",
            "orderId",
            "originalOrderId",
            "usageQuantity",
            "usageUnit",
            "currency",
            "listCost",
            "discountRate",
            "reservedInstanceDeduction",
            "savingsPlanDeduction",
            "cashPaid",
            "voucherPaid",
            "incentivePaid",
            "transferPaid",
            "creditPaid",
            "couponPaid",
            "tax",
            "totalCost",
            "tags");

    private static String literal(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    /** Returns the memory DuckDB holds now, in bytes, as it reports it. */
    long memoryBytes() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
