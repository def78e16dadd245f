package org.cloudbilling.core.focus.conformance;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * FOCUS conformance by the FinOps Foundation's own rule model: the model is data (the JSON published with the
 * Foundation's validator, MIT licence, bundled for FOCUS 1.2), interpreted rule by rule. Static rules are checked
 * in one pass over the rows; Dynamic rules are listed as not checkable from data; rules whose applicability
 * criteria the caller does not declare are listed as not applicable; SHOULD rules are advice, MAY rules
 * permissions. A newer model that uses the same check functions loads without code changes.
 *
 * <pre>{@code
 * FocusConformance focus = FocusConformance.focus12();
 * ConformanceReport report = focus.check(reader, "export.csv", Set.of("TAGGING_SUPPORTED", "REGION_SUPPORTED"));
 * report.conforms();
 * }</pre>
 *
 * <p>Immutable and thread-safe; each check reads its dataset once, in memory bounded by the distinct values the
 * distinct-count rules hold (a SkuPriceId's SkuId, a ServiceName's ServiceCategory).
 */
public final class FocusConformance {
    private static final String BUNDLED_12 = "model-1.2.json";

    private final ModelReader.Model model;

    private FocusConformance(ModelReader.Model model) {
        this.model = model;
    }

    /**
     * Loads a model.
     *
     * @param json the model's JSON, not null; read to its end and closed
     * @param source the model's name for messages, such as its file name; not null
     * @return the model, ready to check datasets; never null
     * @throws ConformanceModelException if the model is not JSON, names a check function this validator does not
     *     know, lacks an argument, or references a rule it does not have; the message names the rule and the JSON
     *     path
     * @throws UncheckedIOException if reading fails
     */
    public static FocusConformance load(Reader json, String source) {
        requireNonNull(json, "json");
        requireNonNull(source, "source");
        return new FocusConformance(ModelReader.read(json, source));
    }

    /**
     * Returns the bundled FOCUS 1.2 model ({@code model-1.2.json}, ModelVersion 1.2, from the FinOps Foundation's
     * focus_validator; MIT licence, bundled beside it as {@code LICENSE-focus_validator.txt}).
     *
     * @return the FOCUS 1.2 model, never null
     */
    public static FocusConformance focus12() {
        InputStream in = FocusConformance.class.getResourceAsStream(BUNDLED_12);
        if (in == null) {
            throw new IllegalStateException("bug: the bundled " + BUNDLED_12 + " is missing from the jar");
        }
        return load(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_12);
    }

    /**
     * Returns the FOCUS version the model states ({@code Details.FOCUSVersion}), such as {@code 1.2}.
     *
     * @return the version, empty when the model does not state it; never null
     */
    public String focusVersion() {
        return model.focusVersion();
    }

    /**
     * Returns the features a data generator may declare it supports (the model's {@code ApplicabilityCriteria}),
     * such as {@code TAGGING_SUPPORTED}.
     *
     * @return the criteria, sorted, never null
     */
    public Set<String> applicabilityCriteria() {
        return model.criteria();
    }

    /**
     * Checks a FOCUS CSV dataset: an empty cell is a null, every other cell its text.
     *
     * @param csv the dataset, not null; read to its end and closed
     * @param source the dataset's name for the report, not null
     * @param declared the applicability criteria the data's generator supports (rules that need others are not
     *     applicable), each one of {@link #applicabilityCriteria()}; not null
     * @return the report, never null
     * @throws IllegalArgumentException if a declared criterion is not one of the model's
     * @throws org.cloudbilling.core.io.BillingInputException if the CSV is empty or malformed (naming the line)
     * @throws UncheckedIOException if reading fails
     */
    public ConformanceReport check(Reader csv, String source, Set<String> declared) {
        requireNonNull(csv, "csv");
        requireNonNull(source, "source");
        checkDeclared(declared);
        try (CsvDataset data = new CsvDataset(csv, source)) {
            return new Evaluation(model, declared).run(data, source);
        }
    }

    /**
     * Checks a FOCUS Parquet dataset: each value as the file types it (a DECIMAL column is a decimal, a TIMESTAMP
     * column a date-time, a string column its text, an empty string kept), a null a null. Needs the optional
     * dependencies of {@link org.cloudbilling.core.focus.parquet.FocusParquet}.
     *
     * @param parquet the file, not null; its name is the report's source
     * @param declared the applicability criteria the data's generator supports, each one of
     *     {@link #applicabilityCriteria()}; not null
     * @return the report, never null
     * @throws IllegalArgumentException if a declared criterion is not one of the model's
     * @throws org.cloudbilling.core.io.BillingInputException if the file is not Parquet, is damaged, or has a column
     *     of a type the reader cannot take (naming the file, the column and the row group)
     * @throws UncheckedIOException if reading fails
     */
    public ConformanceReport check(Path parquet, Set<String> declared) {
        requireNonNull(parquet, "parquet");
        checkDeclared(declared);
        try (ParquetDataset data = new ParquetDataset(parquet)) {
            return new Evaluation(model, declared).run(data, parquet.toString());
        }
    }

    ConformanceReport check(Dataset data, String source, Set<String> declared) {
        checkDeclared(declared);
        return new Evaluation(model, declared).run(data, source);
    }

    private void checkDeclared(Set<String> declared) {
        requireNonNull(declared, "declared");
        Set<String> unknown = new TreeSet<>(declared);
        unknown.removeAll(model.criteria());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "not applicability criteria of the model: " + unknown + "; known: " + model.criteria());
        }
    }
}
