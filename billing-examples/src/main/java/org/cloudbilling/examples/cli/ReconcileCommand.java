package org.cloudbilling.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code billing reconcile}: the reconciliation lists ZIP of a billing cycle (RECON-1). The list format is not in
 * this build: the command says so and exits with 2.
 */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Reconciliation lists ZIP of a billing cycle (not available in this build).",
            "Would write the Period and Pay-per-Use lists in one ZIP; the library has no reconciliation list format"
                    + " yet, so the command exits with 2."
        })
public final class ReconcileCommand extends BaseCommand {
    @Option(names = "--input", paramLabel = "FILE", description = "the bill to read")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", description = "the bill's format")
    InputFormat format;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "the billing cycle")
    String month;

    @Option(names = "--out", paramLabel = "FILE.zip", description = "where the ZIP goes")
    Path out;

    @Override
    public Integer call() {
        throw new UserError("reconciliation lists are not available in this build: the library has no"
                + " reconciliation list format yet");
    }
}
