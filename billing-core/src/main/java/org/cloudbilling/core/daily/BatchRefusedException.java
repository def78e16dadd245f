package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.id.LineItemId;

/**
 * A batch, or a change to a month state, that cannot be applied: names the batch, the item when one is at fault,
 * and why. Nothing was changed.
 */
public final class BatchRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient BatchId batch;
    private final transient Optional<LineItemId> item;
    private final String reason;

    /**
     * Creates the refusal.
     *
     * @param batch the batch refused, not null
     * @param item the item at fault, empty when the batch as a whole is, not null
     * @param reason why, not null
     */
    public BatchRefusedException(BatchId batch, Optional<LineItemId> item, String reason) {
        super("batch " + batch.value() + " refused: "
                + item.map(i -> "item " + i.value() + ": ").orElse("") + reason);
        this.batch = requireNonNull(batch, "batch");
        this.item = requireNonNull(item, "item");
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns the batch refused, never null. */
    public BatchId batch() {
        return batch;
    }

    /** Returns the item at fault, empty when the batch as a whole is, never null. */
    public Optional<LineItemId> item() {
        return item;
    }

    /** Returns why, never null. */
    public String reason() {
        return reason;
    }
}
