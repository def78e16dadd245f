package org.cloudbilling.allocation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;

/**
 * Why a line item went where it went (ALLOC-3): the tags the rules saw, every rule that matched in
 * precedence order, the winner, and the sharing rules the cost passed through.
 *
 * @param item the item explained
 * @param tagInstant the instant whose tags the rules saw: the deduction time, or the fee period's start
 * @param tags the tags the rules saw
 * @param matchingSharingRules sharing rules whose source condition matches, first wins
 * @param matchingCollectionRules collection rules that match, first wins unless a sharing rule took the cost
 * @param sharedBy the sharing rule that took the cost as a shared cost
 * @param collectedBy the collection rule that won
 * @param collectedInto the unit it collected the cost into
 * @param sharingChain every sharing rule the cost passed through, in order
 */
public record Explanation(
        LineItemId item,
        Instant tagInstant,
        ImmutableMap<TagKey, String> tags,
        ImmutableList<RuleId> matchingSharingRules,
        ImmutableList<RuleId> matchingCollectionRules,
        Optional<RuleId> sharedBy,
        Optional<RuleId> collectedBy,
        Optional<UnitId> collectedInto,
        ImmutableList<RuleId> sharingChain) {

    /** Returns whether no rule placed the cost: it is Unallocated. */
    public boolean isUnallocated() {
        return sharedBy.isEmpty() && collectedBy.isEmpty();
    }

    /** Returns a sentence or two a person can read. */
    public String text() {
        StringBuilder s = new StringBuilder("Line item " + item + " (tags at " + tagInstant + ": " + tags + ") ");
        if (sharedBy.isPresent()) {
            s.append("is a shared cost of sharing rule ").append(sharedBy.get());
        } else if (collectedBy.isPresent()) {
            s.append("is collected into ")
                    .append(collectedInto.get())
                    .append(" by rule ")
                    .append(collectedBy.get());
            if (matchingCollectionRules.size() > 1) {
                s.append(", which comes first of the matching rules ").append(matchingCollectionRules);
            }
        } else {
            s.append("matches no rule and is Unallocated");
        }
        if (!sharingChain.isEmpty()) {
            s.append("; it is shared through ").append(sharingChain);
        }
        return s.append('.').toString();
    }
}
