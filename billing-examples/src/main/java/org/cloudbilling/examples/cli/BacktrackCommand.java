package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.allocation.backtracking.AllocationHistory;
import org.cloudbilling.allocation.backtracking.BacktrackListener;
import org.cloudbilling.allocation.backtracking.BacktrackOutcome;
import org.cloudbilling.allocation.backtracking.BacktrackPlan;
import org.cloudbilling.allocation.backtracking.BacktrackRecord;
import org.cloudbilling.allocation.backtracking.BacktrackRequest;
import org.cloudbilling.allocation.backtracking.Backtracking;
import org.cloudbilling.allocation.backtracking.HistoryJson;
import org.cloudbilling.allocation.backtracking.MonthInputs;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.allocation.backtracking.VersionDiff;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.io.StrictText;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing backtrack}: recomputes 1 to 12 past months with a new rule set, through {@link Backtracking}, and
 * writes what changed per month and unit as CSV ({@code month,unit,before,after,change,currency}, or with
 * {@code --lines} one row per changed line). The months' earlier versions come from a stored history
 * ({@code --history}), or are computed first with the rules they had ({@code --before}).
 */
@Command(
        name = "backtrack",
        mixinStandardHelpOptions = true,
        description = {
            "Recomputes 1 to 12 past months with a new rule set and writes what changed, as CSV.",
            "One row per month and unit whose total changed: month,unit,before,after,change,currency."
        },
        footer = {
            "",
            "Example: August to October, computed with old.json, recomputed with new.json:",
            "  billing backtrack --input items.csv --format canonical \\",
            "      --before old.json --rules new.json --from 2024-08 --to 2024-10 \\",
            "      --submitted-at 2024-11-05T02:00:00Z --history-out history.json"
        })
public final class BacktrackCommand extends BaseCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--rules", required = true, paramLabel = "RULES.json", description = "the new rule set")
    Path rules;

    @ArgGroup(multiplicity = "1")
    Earlier earlier;

    /** Where the months' earlier versions come from. */
    static final class Earlier {
        @Option(
                names = "--before",
                paramLabel = "RULES.json",
                description = "the rule set the months were computed with; they are computed with it first")
        Path before;

        @Option(
                names = "--history",
                paramLabel = "HISTORY.json",
                description = "a stored allocation history holding a version of every month")
        Path history;
    }

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "the first month")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "the last month (default: --from)")
    String to;

    @Option(
            names = "--submitted-at",
            paramLabel = "INSTANT",
            description = "when the request is submitted, as 2024-11-05T02:00:00Z (default: now); it decides"
                    + " the rule month (BACK-2)")
    String submittedAt;

    @Option(
            names = "--operator",
            paramLabel = "UIN",
            defaultValue = "billing-cli",
            description = "who asks (default: ${DEFAULT-VALUE})")
    String operator;

    @Option(
            names = "--calendar",
            paramLabel = "CAL",
            defaultValue = "utc",
            description = "the provider's calendar: utc (default) or tencent (UTC+8)")
    CalendarChoice calendar;

    @Option(names = "--lines", description = "write every changed line instead of the change per unit")
    boolean lines;

    @Option(names = "--history-out", paramLabel = "FILE", description = "write the new history here, as JSON")
    Path historyOut;

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV here instead of standard output")
    Path out;

    private final Clock clock;

    /** A command on the system clock. */
    public BacktrackCommand() {
        this(Clock.systemUTC());
    }

    BacktrackCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        BillingCalendar cal = calendar.calendar;
        BillingMonth first = month("--from", from);
        BillingMonth last = to == null ? first : month("--to", to);
        Instant submitted = submittedAt == null ? clock.instant() : instant(submittedAt);
        AllocationRuleSet newRules = RuleFiles.read(rules);
        Progress progress = progress();
        Map<BillingMonth, List<LineItem>> byMonth = new HashMap<>();
        for (LineItem item : input.read(progress)) {
            byMonth.computeIfAbsent(cal.monthOf(item.feePeriod().start()), m -> new ArrayList<>())
                    .add(item);
        }
        MonthInputs inputs = new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                return byMonth.getOrDefault(month, List.of());
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                return TagBindings.empty();
            }
        };

        // With --before, each month is first computed with the old rules, as its regular run was, and the new
        // rules are in force from the rule month on; with --history, the stored versions are the earlier ones.
        RuleSchedule old = earlier.before == null
                ? null
                : RuleSchedule.activated(cal.start(first), cal, RuleFiles.read(earlier.before));
        RuleSchedule schedule;
        if (old == null) {
            schedule = RuleSchedule.activated(cal.start(first), cal, newRules);
        } else {
            BillingMonth ruleMonth = cal.ruleMonth(submitted);
            schedule = ruleMonth.isBefore(old.firstMonth()) ? old : old.withRuleSet(ruleMonth, newRules);
        }
        BacktrackPlan plan;
        try {
            plan = Backtracking.plan(
                    new BacktrackRequest(OperatorUin.of(operator), submitted, first, last), schedule, cal);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot backtrack: " + e.getMessage());
        }

        AllocationHistory history;
        if (old == null) {
            history = readHistory(earlier.history);
        } else {
            history = AllocationHistory.empty();
            for (BillingMonth m : plan.months()) {
                Instant at = cal.issueTime(m).isBefore(submitted) ? cal.issueTime(m) : submitted;
                history = Backtracking.computeMonth(m, old, history, inputs, cal, Clock.fixed(at, cal.zone()));
            }
        }
        Map<BillingMonth, MonthVersion> previous = new LinkedHashMap<>();
        for (BillingMonth m : plan.months()) {
            previous.put(
                    m,
                    history.latest(m)
                            .orElseThrow(() -> new UserError(
                                    earlier.history + " has no version of " + m + " to compare the backtrack with")));
        }

        progress.note("rules of " + plan.ruleMonth() + " (version "
                + plan.ruleVersion().id().substring(0, 12) + "), "
                + plan.months().size() + " months");
        BacktrackOutcome outcome;
        try (Progress.Steps steps =
                progress.steps("recomputing months", plan.months().size())) {
            outcome = Backtracking.run(plan, history, inputs, cal, clock, new BacktrackListener() {
                @Override
                public void monthDone(BillingMonth month) {
                    steps.step();
                }
            });
        }
        BacktrackRecord record = outcome.record();
        if (!outcome.isCompleted()) {
            throw new UserError(
                    "backtrack " + record.id() + " failed: " + record.failure().orElse("no reason given"));
        }
        progress.note("backtrack " + record.id() + " completed; in force from "
                + record.effectiveFrom().map(Object::toString).orElse("?"));

        if (historyOut != null) {
            try {
                Files.writeString(historyOut, HistoryJson.write(outcome.history()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + historyOut + ": " + e.getMessage());
            }
        }
        writeDiffs(previous, outcome.history());
        return 0;
    }

    private void writeDiffs(Map<BillingMonth, MonthVersion> previous, AllocationHistory after) {
        List<String> header = lines
                ? List.of(
                        "month",
                        "line_item_id",
                        "unit",
                        "allocation_type",
                        "rule",
                        "kind",
                        "before",
                        "after",
                        "change",
                        "currency")
                : List.of("month", "unit", "before", "after", "change", "currency");
        try (Writer w = results(out);
                CsvOut csv = new CsvOut(w, header, input.guard())) {
            for (Map.Entry<BillingMonth, MonthVersion> e : previous.entrySet()) {
                MonthVersion before = e.getValue();
                MonthVersion now = after.latest(e.getKey()).orElseThrow();
                TreeSet<String> currencies = new TreeSet<>();
                before.lines().forEach(l -> currencies.add(l.amount().currency().getCurrencyCode()));
                now.lines().forEach(l -> currencies.add(l.amount().currency().getCurrencyCode()));
                for (String code : currencies) {
                    VersionDiff diff = VersionDiff.between(before, now, Currency.getInstance(code));
                    String month = e.getKey().toString();
                    if (lines) {
                        for (VersionDiff.LineChange c : diff.lines()) {
                            csv.row(
                                    month,
                                    c.item().value(),
                                    c.unit().map(u -> u.value()).orElse(""),
                                    AllocateCommand.label(c.type()),
                                    c.rule().map(r -> r.value()).orElse(""),
                                    c.kind().name().toLowerCase(java.util.Locale.ROOT),
                                    c.before()
                                            .map(m -> m.amount().toPlainString())
                                            .orElse(""),
                                    c.after()
                                            .map(m -> m.amount().toPlainString())
                                            .orElse(""),
                                    c.change().amount().toPlainString(),
                                    code);
                        }
                    } else {
                        for (VersionDiff.UnitChange c : diff.units()) {
                            csv.row(
                                    month,
                                    c.unit().map(u -> u.value()).orElse(""),
                                    c.before().amount().toPlainString(),
                                    c.after().amount().toPlainString(),
                                    c.change().amount().toPlainString(),
                                    code);
                        }
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(e);
        }
    }

    private static AllocationHistory readHistory(Path file) {
        String json;
        try {
            // decoded strictly: bytes that are not UTF-8 are refused naming line and column (IO-1)
            json = StrictText.decode(Files.readAllBytes(file), StandardCharsets.UTF_8, file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return HistoryJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private static BillingMonth month(String option, String text) {
        return InputOptions.month(option, text);
    }

    private static Instant instant(String text) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--submitted-at: '" + text + "' is not an instant of the form 2024-11-05T02:00:00Z");
        }
        try {
            return SupportedTimes.check(at);
        } catch (IllegalArgumentException e) {
            throw new UserError("--submitted-at: " + e.getMessage());
        }
    }
}
