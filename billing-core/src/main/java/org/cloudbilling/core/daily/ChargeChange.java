package org.cloudbilling.core.daily;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;

/**
 * What a batch did to one charge: added ({@code before} empty), restated (both present) or withdrawn ({@code
 * after} empty). The month's figures follow by taking {@code before} out and putting {@code after} in.
 *
 * @param before the charge as it was, empty when new
 * @param after the charge as it is now, empty when withdrawn
 */
public record ChargeChange(Optional<LineItem> before, Optional<LineItem> after) {
    /** Checks that at least one side is present and that both sides have the same id. */
    public ChargeChange {
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        checkArgument(before.isPresent() || after.isPresent(), "a change has a charge before or after it");
        checkArgument(
                before.isEmpty()
                        || after.isEmpty()
                        || before.get().id().equals(after.get().id()),
                "a restatement keeps its id: %s and %s",
                before.map(LineItem::id),
                after.map(LineItem::id));
    }

    /** Returns the id of the charge changed, never null. */
    public LineItemId id() {
        return before.or(() -> after).orElseThrow().id();
    }
}
