package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.daily.BatchRefusedException;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.DailyJson;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.daily.StaleStateException;
import org.cloudbilling.core.io.StrictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code billing month}: a month kept in a state directory and grown by daily batches (DAILY-1..4).
 *
 * <p>The directory holds {@code month.json}, the month's state ({@link DailyJson}), and optionally {@code
 * rules.json}, a rule set whose allocation {@code show} prints. {@code apply} holds a lock on {@code month.lock}
 * while it reads, applies and writes, writes through a temporary file moved into place, and with {@code
 * --expect-revision} refuses a state that another run has moved on.
 */
@Command(
        name = "month",
        mixinStandardHelpOptions = true,
        description = "A month grown by daily batches of charges, kept in a state directory.",
        subcommands = {MonthCommand.Apply.class, MonthCommand.Show.class})
public final class MonthCommand implements Callable<Integer> {
    static final String STATE_FILE = "month.json";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: apply or show");
    }

    static MonthLedger read(Path file) {
        return readJson(file, DailyJson::readLedger);
    }

    static ChargeBatch readBatch(Path file) {
        return readJson(file, DailyJson::readBatch);
    }

    /** Reads {@code file} as strict UTF-8 with {@code parse}, its problems a user error naming the file. */
    private static <T> T readJson(Path file, java.util.function.BiFunction<Reader, String, T> parse) {
        try (Reader r = StrictText.reader(Files.newInputStream(file), StandardCharsets.UTF_8, file.toString())) {
            return parse.apply(r, file.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** {@code billing month apply}: applies one batch file to the month in the state directory. */
    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = {
                "Applies a batch of charges (new, restated, withdrawn) to the month in --state.",
                "The same batch again changes nothing; a batch id reused with other content is refused."
            },
            footer = {"", "Example:", "  billing month apply --state sept --batch day-03.json --at 2024-09-03T02:00:00Z"
            })
    static final class Apply extends BaseCommand {
        @Option(names = "--state", required = true, paramLabel = "DIR", description = "the state directory")
        Path state;

        @Option(names = "--batch", required = true, paramLabel = "FILE", description = "the batch, as JSON")
        Path batch;

        @Option(
                names = "--at",
                paramLabel = "INSTANT",
                description = "when the batch arrived (ISO-8601, UTC); default: now")
        Instant at;

        @Option(
                names = "--calendar",
                paramLabel = "CAL",
                defaultValue = "utc",
                description = "for a new month: utc (default) or tencent (UTC+8)")
        CalendarChoice calendar;

        @Option(
                names = "--expect-revision",
                paramLabel = "N",
                description = "refuse unless the month is still at revision N (0 for a new month)")
        Integer expectRevision;

        @Override
        public Integer call() {
            ChargeBatch b = readBatch(batch);
            Instant receivedAt = at != null ? at : Instant.now();
            try {
                Files.createDirectories(state);
            } catch (IOException e) {
                throw new UserError("cannot create " + state + ": " + e.getMessage());
            }
            Path file = state.resolve(STATE_FILE);
            try (FileChannel lockFile = FileChannel.open(
                            state.resolve("month.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                MonthLedger ledger =
                        Files.exists(file) ? read(file) : MonthLedger.open(b.month(), b.currency(), calendar.calendar);
                if (expectRevision != null) {
                    StaleStateException.requireCurrent(file.toString(), expectRevision, ledger.revision());
                }
                MonthLedger.Update update = ledger.apply(b, receivedAt);
                if (update.ledger() == ledger) {
                    out().println("batch " + b.id().value() + " was applied before: nothing changed; " + file
                            + " stays at revision " + ledger.revision());
                    return 0;
                }
                Path tmp = state.resolve(STATE_FILE + ".tmp");
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    DailyJson.writeLedger(update.ledger(), w);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                MonthLedger now = update.ledger();
                MonthLedger.Version v = now.versions().get(now.versions().size() - 1);
                out().println("applied batch " + b.id().value() + " ("
                        + b.added().size() + " added, "
                        + b.restated().size() + " restated, " + b.withdrawn().size() + " withdrawn): month "
                        + now.month() + " at revision " + now.revision() + ", " + now.size() + " charges, "
                        + v.status());
                return 0;
            } catch (BatchRefusedException | StaleStateException e) {
                throw new UserError(e.getMessage() + "; " + file + " is unchanged");
            } catch (IOException e) {
                throw new UserError("cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** {@code billing month show}: the month's versions and totals, and its allocation when rules are given. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Shows the month in --state: its versions, status, totals per currency and, with rules.json in",
                "the directory, the allocation per unit."
            })
    static final class Show extends BaseCommand {
        @Option(names = "--state", required = true, paramLabel = "DIR", description = "the state directory")
        Path state;

        @Option(names = "--at", paramLabel = "INSTANT", description = "the instant the status is as of; default: now")
        Instant at;

        @Override
        public Integer call() {
            MonthLedger ledger = read(state.resolve(STATE_FILE));
            Instant now = at != null ? at : Instant.now();
            List<String> lines = new ArrayList<>();
            lines.add("month " + ledger.month() + " " + ledger.currency().getCurrencyCode() + ", revision "
                    + ledger.revision() + ", " + ledger.size() + " charges, " + ledger.status(now) + " as of " + now);
            for (MonthLedger.Version v : ledger.versions()) {
                lines.add("  version " + v.number() + ": batch " + v.batch().value() + " (" + v.kind() + ") at "
                        + v.receivedAt() + ", " + v.status() + ", " + v.charges() + " charges");
            }
            Map<Currency, Totals> totals =
                    Consolidation.consolidate(ledger.charges(), Grouping.by()).grandTotals();
            totals.forEach((c, t) -> lines.add("total " + c.getCurrencyCode() + ": " + t.itemCount() + " items, list "
                    + t.listCost().amount().toPlainString() + ", billed "
                    + t.totalCost().amount().toPlainString()));
            Path rules = state.resolve("rules.json");
            if (Files.exists(rules)) {
                AllocationRuleSet ruleSet = RuleFiles.read(rules);
                RunningAllocation allocation = RunningAllocation.of(
                        Allocator.compile(ruleSet), TagBindings.empty(), ledger.calendar(), ledger);
                for (SummaryRow r : allocation.byUnit()) {
                    lines.add("unit " + r.unit().map(u -> u.value()).orElse("(unallocated)") + " " + r.type() + ": "
                            + r.amount().amount().toPlainString() + " "
                            + r.amount().currency().getCurrencyCode());
                }
            }
            lines.forEach(out()::println);
            return 0;
        }
    }
}
