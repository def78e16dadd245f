package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.focus.conformance.ConformanceModelException;
import org.cloudbilling.core.focus.conformance.ConformanceReport;
import org.cloudbilling.core.focus.conformance.FocusConformance;
import org.cloudbilling.core.focus.parquet.FocusParquet;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.StrictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code billing validate}: checks a FOCUS dataset against the FinOps Foundation's rule model and prints the
 * verdict per rule. Exit 0 when every checked MUST holds, 3 when some MUST fails, 2 for input that cannot be read.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a FOCUS dataset (CSV or Parquet) against the FinOps Foundation's FOCUS rule model and prints, per rule,"
                    + " what fails: the rule id, its requirement, the rows failing and the first of them.",
            "SHOULD rules are advice; Dynamic rules cannot be checked from data and are counted, not checked;"
                    + " rules about features not declared with --supports do not apply.",
            "Exit code: 0 every checked MUST holds, 3 some MUST fails, 2 the input or the model cannot be read."
        },
        footer = {
            "",
            "Example:",
            "  billing validate --focus-version 1.2 --supports TAGGING_SUPPORTED,REGION_SUPPORTED export.csv"
        })
public final class ValidateCommand extends BaseCommand {
    /** The exit code of a dataset that breaks a MUST rule. */
    public static final int NOT_CONFORMING = 3;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "the FOCUS dataset, CSV or Parquet (found by its magic number)")
    Path file;

    @Option(
            names = "--focus-version",
            paramLabel = "VERSION",
            defaultValue = "1.2",
            description = "the FOCUS version whose bundled model checks the file: 1.2 (default)")
    String focusVersion;

    @Option(
            names = "--model",
            paramLabel = "MODEL.json",
            description = "a rule model file to use instead of the bundled one (a newer FOCUS version)")
    Path model;

    @Option(
            names = "--supports",
            split = ",",
            paramLabel = "CRITERION",
            description = "the features the data's generator supports (applicability criteria such as"
                    + " TAGGING_SUPPORTED), comma-separated; 'all' for every one; none by default")
    List<String> supports = new ArrayList<>();

    @Option(names = "--every-rule", description = "list every rule's verdict, not only failures and advice")
    boolean everyRule;

    @Override
    public Integer call() {
        FocusConformance conformance = conformance();
        Set<String> declared = new TreeSet<>();
        for (String s : supports) {
            if (s.equals("all")) {
                declared.addAll(conformance.applicabilityCriteria());
            } else if (!conformance.applicabilityCriteria().contains(s)) {
                throw new UserError("--supports: '" + s + "' is not an applicability criterion of the model; known: "
                        + String.join(", ", conformance.applicabilityCriteria()));
            } else {
                declared.add(s);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError("cannot read " + file + ": no such file");
        }
        ConformanceReport report;
        if (FocusParquet.isParquet(file)) {
            try {
                report = conformance.check(file, declared);
            } catch (BillingInputException e) {
                throw new UserError(e.getMessage()); // names the file, the row group and the column
            } catch (UncheckedIOException e) {
                throw new UserError("cannot read " + file + ": " + e.getCause().getMessage());
            }
            out().print(report.text(everyRule));
            out().flush();
            return report.conforms() ? 0 : NOT_CONFORMING;
        }
        try (Reader r = StrictText.reader(Files.newInputStream(file), StandardCharsets.UTF_8, file.toString())) {
            report = conformance.check(r, file.toString(), declared);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StrictText.MalformedTextException m) {
                throw new UserError(m.getMessage()); // names the line and column of the bytes that are not UTF-8
            }
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        out().print(report.text(everyRule));
        out().flush();
        return report.conforms() ? 0 : NOT_CONFORMING;
    }

    private FocusConformance conformance() {
        if (model != null) {
            try (Reader r = StrictText.reader(Files.newInputStream(model), StandardCharsets.UTF_8, model.toString())) {
                return FocusConformance.load(r, model.toString());
            } catch (UncheckedIOException e) {
                throw new UserError("--model: "
                        + (e.getCause() instanceof StrictText.MalformedTextException m
                                ? m.getMessage()
                                : "cannot read " + model + ": " + e.getMessage()));
            } catch (NoSuchFileException e) {
                throw new UserError("--model: " + model + " does not exist");
            } catch (IOException e) {
                throw new UserError("--model: cannot read " + model + ": " + e.getMessage());
            } catch (ConformanceModelException e) {
                throw new UserError("--model: " + e.getMessage());
            }
        }
        if (!focusVersion.equals("1.2")) {
            throw new UserError("--focus-version: the bundled model is FOCUS 1.2; for " + focusVersion
                    + " give its model with --model");
        }
        return FocusConformance.focus12();
    }
}
