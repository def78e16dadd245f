package org.cloudbilling.examples.cli;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.recon.ReconciliationLists;
import org.cloudbilling.core.recon.ReconciliationZip;
import org.cloudbilling.core.time.BillingMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing reconcile}: the reconciliation lists ZIP of a billing cycle (RECON-1), written by
 * {@code ReconciliationZip} as {@code ReconciliationList_YYYYMM.zip} in the output directory. The cycle's items are
 * those whose fee period starts in it, cut by {@code --calendar}.
 */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the reconciliation lists ZIP of a billing cycle: ReconciliationList_YYYYMM.zip in --out,"
                    + " holding the Period and the Pay-per-Use lists.",
            "Every item needs its payment breakdown (cash, vouchers, ...); a prepaid item needs its order number,"
                    + " and its order's billing mode, purchase quantity and duration (RECON-5) unless"
                    + " --estimate-order-terms is given."
        },
        footer = {"", "Example:", "  billing reconcile --input bill.csv --format tencent --month 2024-09 --out lists/"})
public final class ReconcileCommand extends BaseCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the billing cycle")
    String month;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "an existing directory; the ZIP is created in it and never overwrites a file")
    Path out;

    @Option(
            names = "--calendar",
            paramLabel = "CALENDAR",
            defaultValue = "tencent",
            description = "the provider's calendar, for the cycle and the times: tencent (UTC+8, default) or utc")
    CalendarChoice calendar;

    @Option(
            names = "--estimate-order-terms",
            description = "for a prepaid item that carries no billing mode, quantity or duration from its order (a"
                    + " Tencent bill carries none), estimate them: mode and duration from the fee period's length,"
                    + " quantity 1. Without it such an item is refused: the lists write the order's own (RECON-5).")
    boolean estimateOrderTerms;

    @Override
    public Integer call() {
        BillingMonth cycle = InputOptions.month("--month", month);
        if (!Files.isDirectory(out)) {
            throw new UserError("--out: " + out + " is not a directory");
        }
        Progress progress = progress();
        List<LineItem> items = input.read(progress).stream()
                .filter(i -> calendar.calendar.monthOf(i.feePeriod().start()).equals(cycle))
                .map(i -> estimateOrderTerms ? OrderTermsEstimate.estimate(i, calendar.calendar) : i)
                .toList();
        ReconciliationLists lists;
        try {
            lists = ReconciliationLists.of(cycle, items, calendar.calendar);
        } catch (IllegalArgumentException e) {
            throw new UserError(
                    input.input + ": cannot make the reconciliation lists of " + month + ": " + e.getMessage());
        }
        Path written;
        try {
            written = ReconciliationZip.write(lists, out, input.guard());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                throw new UserError(
                        "cannot write " + out.resolve(ReconciliationZip.fileName(cycle)) + ": the file exists already");
            }
            throw new UserError(
                    "cannot write the ZIP in " + out + ": " + e.getCause().getMessage());
        }
        progress.note("wrote " + written + ": " + lists.period().size() + " Period rows, "
                + lists.payPerUse().size() + " Pay-per-Use rows, from " + items.size() + " line items of " + month);
        out().println(written);
        out().flush();
        return 0;
    }
}
