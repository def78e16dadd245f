package org.cloudbilling.core.daily;

import org.cloudbilling.core.id.Identifier;

/** The id a provider or host gives a daily batch of charges; a batch is applied once per id (DAILY-2). */
public final class BatchId extends Identifier {
    private BatchId(String value) {
        super(value, "batch id");
    }

    /**
     * Returns the batch id {@code value}.
     *
     * @param value the id, not null, not empty
     * @return the id, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static BatchId of(String value) {
        return new BatchId(value);
    }
}
