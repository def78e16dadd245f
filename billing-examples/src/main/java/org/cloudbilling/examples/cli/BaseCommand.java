package org.cloudbilling.examples.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cloudbilling.core.time.BillingCalendar;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its streams, its progress, and where its results go. */
abstract class BaseCommand implements Callable<Integer> {
    /** Months and days cut in UTC; bills issued on the 5th, rules of a month from its 3rd. */
    static final BillingCalendar UTC = BillingCalendar.UTC;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Progress progress() {
        Object root = spec.root().userObject();
        boolean terminal = root instanceof CommandContext c && c.stderrIsTerminal();
        return new Progress(err(), terminal, spec.qualifiedName());
    }

    /**
     * Opens where results go: {@code file}, or standard output when it is null. Closing the returned writer
     * leaves standard output open.
     */
    Writer results(Path file) {
        if (file == null) {
            return new FilterWriter(out()) {
                @Override
                public void close() {
                    out().flush();
                }
            };
        }
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write " + file + ": its directory does not exist");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The calendar named by a {@code --calendar} option. */
    enum CalendarChoice {
        UTC(BaseCommand.UTC),
        TENCENT(BillingCalendar.TENCENT);

        final BillingCalendar calendar;

        CalendarChoice(BillingCalendar calendar) {
            this.calendar = calendar;
        }
    }
}
