package org.cloudbilling.core.focus.parquet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.ReadResult;

/**
 * What a Parquet dataset gave: the {@link ReadResult} (values and the problems of the rows that could not be read)
 * and the notes on how the file was read, such as a floating-point cost column read by its shortest decimal form
 * (FOCUS-10).
 *
 * @param <T> the type of the values
 */
public final class ParquetReadResult<T> {
    private final ReadResult<T> result;
    private final ImmutableList<String> notes;
    private final FocusVersion version;

    ParquetReadResult(ReadResult<T> result, List<String> notes, FocusVersion version) {
        this.result = requireNonNull(result, "result");
        this.notes = ImmutableList.copyOf(notes);
        this.version = requireNonNull(version, "version");
    }

    /** Returns the dataset's FOCUS version, found from its columns (FOCUS-8, {@link FocusVersion#detect}). */
    public FocusVersion version() {
        return version;
    }

    /** Returns the values read and the problems of the rows that could not be read, never null. */
    public ReadResult<T> result() {
        return result;
    }

    /**
     * Returns the notes on how the file was read, never null: one for each column read in a way that may not be the
     * amount the provider meant, such as {@code BilledCost is DOUBLE: each value read by its shortest decimal form}.
     */
    public ImmutableList<String> notes() {
        return notes;
    }
}
