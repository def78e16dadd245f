package org.cloudbilling.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.examples.bench.BenchCommand;
import org.cloudbilling.examples.bench.DailyBenchCommand;
import org.cloudbilling.examples.bench.PipelineBenchCommand;
import org.cloudbilling.examples.cli.AllocateCommand;
import org.cloudbilling.examples.cli.BacktrackCommand;
import org.cloudbilling.examples.cli.CommandContext;
import org.cloudbilling.examples.cli.ConsolidateCommand;
import org.cloudbilling.examples.cli.ExportCommand;
import org.cloudbilling.examples.cli.MonthCommand;
import org.cloudbilling.examples.cli.OutputFailed;
import org.cloudbilling.examples.cli.ReconcileCommand;
import org.cloudbilling.examples.cli.UserError;
import org.cloudbilling.examples.cli.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code billing} command line: {@code java -jar billing-examples/target/billing.jar <command>}.
 *
 * <p>Exit codes: 0 done; 3 {@code validate} found a MUST rule broken; 2 bad input, usage, or a file that cannot be read or written (a message naming file, line
 * and column, at most 20 problems, never a stack trace); 1 a bug (with its stack trace). Results go to standard
 * output or {@code --out FILE}, progress to standard error.
 */
@Command(
        name = "billing",
        mixinStandardHelpOptions = true,
        versionProvider = BillingCommand.Version.class,
        description = "Cloud billing on your own files: consolidation, cost allocation, backtracking.",
        footer = {
            "",
            "Exit codes: 0 done, 1 a bug, 2 bad input, usage, or a file that cannot be read or written,",
            "3 (validate) the dataset breaks a MUST rule of the FOCUS model.",
            "'billing COMMAND --help' for a command."
        })
public final class BillingCommand implements Callable<Integer>, CommandContext {
    /**
     * The subcommands, in the order the help lists them. They are added to the command line as it is made, not
     * declared on the annotation, so that a run of one command builds the model of that command only: picocli
     * reads every option of every command it is given, which cost a run more than its own work on a small file.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            BillingCommand.DemoCommand.class,
            ConsolidateCommand.class,
            AllocateCommand.class,
            BacktrackCommand.class,
            ReconcileCommand.class,
            ExportCommand.class,
            ValidateCommand.class,
            MonthCommand.class,
            BenchCommand.class,
            PipelineBenchCommand.class,
            DailyBenchCommand.class,
            CommandLine.HelpCommand.class);

    private final boolean stderrIsTerminal;

    @Spec
    CommandSpec spec;

    BillingCommand(boolean stderrIsTerminal) {
        this.stderrIsTerminal = stderrIsTerminal;
    }

    /**
     * Runs a command and exits with its code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, detectTerminal()));
    }

    /** Runs a command with the given streams, progress as plain lines; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        int code = commandLine(terminal, o, e, subcommandsFor(args)).execute(args);
        o.flush();
        e.flush();
        return code;
    }

    /**
     * Returns the command line, with its exit-code mapping, writing to {@code out} and {@code err}.
     *
     * @param stderrIsTerminal whether to draw progress bars on standard error
     * @param out where results go, not null
     * @param err where messages and progress go, not null
     * @param more further subcommands (picocli command objects), not null
     * @return the command line, never null
     */
    public static CommandLine commandLine(boolean stderrIsTerminal, PrintWriter out, PrintWriter err, Object... more) {
        return commandLine(stderrIsTerminal, out, err, SUBCOMMANDS, more);
    }

    private static CommandLine commandLine(
            boolean stderrIsTerminal, PrintWriter out, PrintWriter err, List<Class<?>> subcommands, Object... more) {
        CommandLine cli = new CommandLine(new BillingCommand(stderrIsTerminal));
        for (Class<?> command : subcommands) {
            cli.addSubcommand(command);
        }
        for (Object command : more) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(BillingCommand::executionFailed);
        cli.setParameterExceptionHandler(BillingCommand::badParameters);
        return cli;
    }

    /**
     * The subcommands a run of {@code args} needs: only the one named first when it is a subcommand's name (its
     * help, usage and errors do not depend on the others), else all of them.
     */
    private static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : SUBCOMMANDS) {
                Command c = command.getAnnotation(Command.class);
                if (c != null
                        && command != CommandLine.HelpCommand.class
                        && (c.name().equals(args[0]) || List.of(c.aliases()).contains(args[0]))) {
                    return List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("billing: a command is missing");
        spec.commandLine().usage(spec.commandLine().getErr());
        return UserError.EXIT_CODE;
    }

    @Override
    public boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    /** A user's mistake prints its message and gives 2; anything else is a bug and gives 1, with its trace. */
    private static int executionFailed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        if (e instanceof RuleSetException r) {
            err.println(who + ": " + bounded(ruleSetMessage(r)));
            return UserError.EXIT_CODE;
        }
        if (e instanceof UserError || e instanceof BillingInputException) {
            err.println(who + ": " + bounded(e.getMessage()));
            return UserError.EXIT_CODE;
        }
        OutputFailed output = OutputFailed.in(e);
        if (output != null) { // --out failed, wherever it surfaced: the user's to fix, not a bug
            err.println(who + ": " + bounded(output.getMessage()));
            return UserError.EXIT_CODE;
        }
        err.println(who + ": internal error, a bug (please report it with the trace below): " + e);
        e.printStackTrace(err);
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The most problems a message lists, and the most characters of a line it prints. */
    static final int MAX_PROBLEMS = 20;

    static final int MAX_LINE = 1_000;

    /** A rule set's problems, at most {@link #MAX_PROBLEMS} of them, then how many more there were. */
    private static String ruleSetMessage(RuleSetException e) {
        if (e.problems().size() <= MAX_PROBLEMS) {
            return e.getMessage();
        }
        StringBuilder s = new StringBuilder("invalid rule set")
                .append(e.source().isEmpty() ? "" : " in " + e.source())
                .append(", ")
                .append(e.problems().size())
                .append(" problems:");
        for (int i = 0; i < MAX_PROBLEMS; i++) {
            s.append("\n  ").append(e.problems().get(i));
        }
        return s.append("\n  ... and ")
                .append(e.problems().size() - MAX_PROBLEMS)
                .append(" more")
                .toString();
    }

    /** {@code message} with each line cut at {@link #MAX_LINE} characters: a value read may be megabytes long. */
    static String bounded(String message) {
        StringBuilder s = new StringBuilder();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                s.append('\n');
            }
            if (line.length() <= MAX_LINE) {
                s.append(line);
            } else {
                s.append(line, 0, MAX_LINE)
                        .append("... (")
                        .append(line.length() - MAX_LINE)
                        .append(" more characters)");
            }
        }
        return s.toString();
    }

    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        err.println(who + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + who + " --help'.");
        return UserError.EXIT_CODE;
    }

    /** Whether standard error is a terminal: on Linux, whether descriptor 2 is a tty; else whether a console is. */
    static boolean detectTerminal() {
        try {
            String target = Paths.get("/proc/self/fd/2").toRealPath().toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return System.console() != null;
        }
    }

    /** The demo: the FOCUS 1.0 sample consolidated and allocated, and a generated reseller month reconciled. */
    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = {
                "Runs the library on bundled data and prints a short report.",
                "Consolidates the FOCUS 1.0 sample bill by account, service and business unit, and allocates it by"
                        + " its business_unit and application tags; then attributes a generated reseller month"
                        + " and reconciles each reseller's Bill A and Bill B by cause."
            })
    static final class DemoCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Demo.run(spec.commandLine().getOut());
            return 0;
        }
    }

    /** The version, from the jar's manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BillingCommand.class.getPackage().getImplementationVersion();
            return new String[] {"billing " + (v == null ? "(development build)" : v)};
        }
    }
}
