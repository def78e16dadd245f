package org.cloudbilling.examples.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Iterators;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvReader;

/**
 * Datasets of line items: one canonical JSON line item per row, amounts as decimal strings.
 *
 * <pre>{@code
 * Dataset<String> items = LineItemDatasets.readCanonicalCsv(spark, "hdfs:///bills/2024-09/", 64);
 * }</pre>
 */
public final class LineItemDatasets {
    private LineItemDatasets() {}

    /**
     * Returns a dataset of {@code items}, spread over {@code partitions} partitions: for tests and for months
     * already in the driver's memory.
     *
     * @param spark the session, not null
     * @param items the items, not null
     * @param partitions the number of partitions, at least 1
     * @return the dataset, never null
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     */
    public static Dataset<String> of(SparkSession spark, List<LineItem> items, int partitions) {
        requireNonNull(spark, "spark");
        checkArgument(partitions >= 1, "partitions must be at least 1, not %s", partitions);
        LineItemJson json = new LineItemJson();
        List<String> rows = new ArrayList<>(items.size());
        items.forEach(item -> rows.add(json.write(item)));
        return spark.createDataset(rows, Encoders.STRING()).repartition(partitions);
    }

    /**
     * Reads canonical CSV files ({@link LineItemCsv}) into a dataset spread over {@code partitions} partitions.
     * Each file is streamed by one task through the library's reader, so a bad row fails the job with its
     * file, line and column; split a large month into several files to read it in parallel.
     *
     * @param spark the session, not null
     * @param path a file, a directory or a glob Spark can read (local, HDFS, S3...), not null
     * @param partitions the number of partitions after reading, at least 1
     * @return the dataset, never null
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     */
    public static Dataset<String> readCanonicalCsv(SparkSession spark, String path, int partitions) {
        requireNonNull(spark, "spark");
        requireNonNull(path, "path");
        checkArgument(partitions >= 1, "partitions must be at least 1, not %s", partitions);
        JavaRDD<String> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(path)
                .flatMap(file -> new CsvFileRows(file._1(), file._2()));
        return spark.createDataset(rows.rdd(), Encoders.STRING()).repartition(partitions);
    }

    /**
     * Reads FOCUS CSV files with Spark's own CSV reader (a large file is split among tasks) into a dataset spread
     * over {@code partitions} partitions. Each cell is read as the library's FOCUS CSV reader reads it
     * ({@link org.cloudbilling.core.focus.FocusCsv#readCell}, cells neutralized against formulas restored) and each
     * row becomes a line item as {@link org.cloudbilling.core.focus.FocusLineItems#toLineItem} makes it. Each row
     * needs its item's id ({@code x_LineItemId} or {@code Id}): Spark gives no line numbers. A bad value fails the
     * job naming the file, the item and the column.
     *
     * @param spark the session, not null
     * @param path a file, a directory or a glob Spark can read, not null
     * @param partitions the number of partitions after reading, at least 1
     * @return the dataset, never null
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     * @throws org.cloudbilling.core.io.BillingInputException if the header lacks a FOCUS column that may never be
     *     null
     */
    public static Dataset<String> readFocusCsv(SparkSession spark, String path, int partitions) {
        requireNonNull(spark, "spark");
        requireNonNull(path, "path");
        checkArgument(partitions >= 1, "partitions must be at least 1, not %s", partitions);
        Dataset<Row> rows = spark.read()
                .option("header", "true")
                .option("multiLine", "true") // a quoted cell may hold a line break
                .option("escape", "\"") // RFC 4180: a quote in a quoted cell is doubled
                .option("mode", "FAILFAST")
                .csv(path);
        return focusItems(rows, path, FormulaGuard.ON, partitions);
    }

    /**
     * Reads FOCUS Parquet files with Spark's own Parquet reader into a dataset spread over {@code partitions}
     * partitions. Decimals keep every digit; timestamps are instants (a timestamp without zone is UTC); tags are a
     * JSON text or a map of strings. Each value is read as the library reads its text ({@link
     * org.cloudbilling.core.focus.FocusCsv#readCell}), so a month read from FOCUS Parquet, FOCUS CSV or canonical
     * CSV allocates alike. Each row needs its item's id, as for {@link #readFocusCsv}.
     *
     * @param spark the session, not null
     * @param path a file, a directory or a glob Spark can read, not null
     * @param partitions the number of partitions after reading, at least 1
     * @return the dataset, never null
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     * @throws org.cloudbilling.core.io.BillingInputException if the schema lacks a FOCUS column that may never be
     *     null
     */
    public static Dataset<String> readFocusParquet(SparkSession spark, String path, int partitions) {
        requireNonNull(spark, "spark");
        requireNonNull(path, "path");
        checkArgument(partitions >= 1, "partitions must be at least 1, not %s", partitions);
        return focusItems(spark.read().parquet(path), path, FormulaGuard.OFF, partitions);
    }

    private static Dataset<String> focusItems(Dataset<Row> rows, String path, FormulaGuard guard, int partitions) {
        String[] headers = rows.columns();
        FocusRows.checkHeader(headers, path);
        Dataset<Row> sourced = rows.withColumn(FocusRows.SOURCE, functions.col("_metadata.file_path"));
        return sourced.mapPartitions(
                        (MapPartitionsFunction<Row, String>) part -> {
                            LineItemJson json = new LineItemJson();
                            ObjectMapper tags = new ObjectMapper();
                            return Iterators.transform(
                                    part, r -> json.write(FocusRows.toLineItem(r, headers, guard, tags)));
                        },
                        Encoders.STRING())
                .repartition(partitions);
    }

    /** The items of one canonical CSV file as JSON, read lazily; closes the file at its end. */
    private static final class CsvFileRows implements Iterator<String> {
        private final LineItemCsvReader reader;
        private final LineItemJson json = new LineItemJson();
        private boolean open = true;

        CsvFileRows(String path, PortableDataStream data) {
            this.reader =
                    LineItemCsv.reader(data.open(), StandardCharsets.UTF_8, path, FormulaGuard.ON); // strict (IO-1)
        }

        @Override
        public boolean hasNext() {
            if (open && !reader.hasNext()) {
                reader.close();
                open = false;
            }
            return open;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return json.write(reader.next());
        }
    }
}
