package org.cloudbilling.core.focus.conformance;

import java.nio.file.Path;
import org.cloudbilling.core.focus.parquet.internal.RawParquetRows;

/**
 * A FOCUS Parquet dataset as raw rows: each value as the file types it (a DECIMAL a {@code BigDecimal}, a TIMESTAMP
 * an {@code Instant}, a string as written, an empty string kept), a null a null. Needs the optional Parquet
 * dependencies.
 */
final class ParquetDataset implements Dataset {
    private final RawParquetRows rows;
    private final String[] header;

    ParquetDataset(Path file) {
        this.rows = RawParquetRows.open(file);
        this.header = rows.header();
    }

    @Override
    public String[] header() {
        return header.clone();
    }

    @Override
    public Object[] next() {
        return rows.next();
    }

    @Override
    public String where() {
        return "row " + rows.row();
    }

    @Override
    public boolean typed() {
        return true;
    }

    @Override
    public String shapeProblem() {
        return null; // every row has every column
    }

    @Override
    public void close() {
        rows.close();
    }
}
