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
        Writer w;
        try {
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write " + file + ": its directory does not exist");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
        return new OutputFile(w, file);
    }

    /**
     * Returns the user's error for a failure to write the results: {@code cannot write FILE: reason} when the
     * file named by {@code --out} failed.
     */
    static UserError cannotWrite(Exception e) {
        OutputFailed failed = OutputFailed.in(e);
        return new UserError(failed != null ? failed.getMessage() : "cannot write the result: " + e.getMessage());
    }

    /** A file of results whose failures name it ({@link OutputFailed}). */
    private static final class OutputFile extends FilterWriter {
        private final Path file;

        OutputFile(Writer out, Path file) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                throw new OutputFailed(file, e);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                super.write(buf, off, len);
            } catch (IOException e) {
                throw new OutputFailed(file, e);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            try {
                super.write(str, off, len);
            } catch (IOException e) {
                throw new OutputFailed(file, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                throw new OutputFailed(file, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw new OutputFailed(file, e);
            }
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
