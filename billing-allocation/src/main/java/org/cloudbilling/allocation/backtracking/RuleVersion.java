package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;

/**
 * A rule set with its version identifier (BACK-3): generated from the content, so identical rule sets get the
 * same id and any change that can alter a result gets another.
 *
 * <p>The id is {@code rv-} and the first 20 hex digits of the SHA-256 of a canonical text of the rule set.
 * Order counts where it decides the result (collection rules and sharing rules, first match wins) and does
 * not count where it cannot (units, targets, tag keys, the values of an {@code in} list).
 *
 * @param id the version identifier
 * @param rules the rule set
 */
public record RuleVersion(String id, AllocationRuleSet rules) {
    /** Checks that no component is null. */
    public RuleVersion {
        requireNonNull(id, "id");
        requireNonNull(rules, "rules");
    }

    /**
     * Returns the version of {@code rules}.
     *
     * @param rules the rule set, not null
     * @return the version, never null
     */
    public static RuleVersion of(AllocationRuleSet rules) {
        String canonical = canonical(requireNonNull(rules, "rules"));
        String hash =
                Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
        return new RuleVersion("rv-" + hash.substring(0, 20), rules);
    }

    static String canonical(AllocationRuleSet rules) {
        StringBuilder s = new StringBuilder("cloudbilling-ruleset-1\n");
        List<AllocationUnit> units = new ArrayList<>(rules.units().units().values());
        units.sort((a, b) -> a.id().compareTo(b.id()));
        for (AllocationUnit u : units) {
            s.append("unit ")
                    .append(quote(u.id().value()))
                    .append(' ')
                    .append(quote(u.name()))
                    .append(' ');
            s.append(u.parent().map(p -> quote(p.value())).orElse("-")).append('\n');
        }
        s.append("tagKeys ")
                .append(rules.tagKeys().stream()
                        .map(k -> quote(k.value()))
                        .sorted()
                        .collect(Collectors.joining(",")))
                .append('\n');
        for (AllocationRule r : rules.collectionRules()) {
            s.append("collect ")
                    .append(quote(r.id().value()))
                    .append(' ')
                    .append(quote(r.unit().value()));
            s.append(' ').append(condition(r.condition())).append('\n');
        }
        for (SharingRule r : rules.sharingRules()) {
            s.append("share ").append(quote(r.id().value())).append(' ');
            if (r.source() instanceof SharingSource.CollectedBy c) {
                s.append("unit ").append(quote(c.unit().value()));
            } else {
                s.append("matching ").append(condition(((SharingSource.Matching) r.source()).condition()));
            }
            s.append(' ').append(r.method()).append(' ').append(r.fallback()).append(' ');
            s.append(r.targets().stream().map(t -> quote(t.value())).sorted().collect(Collectors.joining(",")));
            Map<String, String> pct = new TreeMap<>();
            for (Map.Entry<UnitId, BigDecimal> e : r.percentages().entrySet()) {
                pct.put(e.getKey().value(), e.getValue().stripTrailingZeros().toPlainString());
            }
            s.append(' ').append(pct).append('\n');
        }
        return s.toString();
    }

    private static String condition(Condition c) {
        if (c instanceof Condition.In in) {
            return (in.negated() ? "notIn(" : "in(")
                    + in.tagKey()
                            .map(k -> "tag:" + quote(k.value()))
                            .orElse(in.dimension().jsonName()) + ","
                    + in.values().stream().map(RuleVersion::quote).sorted().collect(Collectors.joining(",")) + ")";
        }
        boolean and = c instanceof Condition.And;
        List<Condition> parts = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
        return (and ? "and(" : "or(")
                + parts.stream().map(RuleVersion::condition).collect(Collectors.joining(",")) + ")";
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
