package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run builds the picocli model of the command it runs only: its help, its usage errors and the top command's
 * own help and errors are those of the command line with every command.
 */
class OneCommandModelTest {
    private static final List<String> COMMANDS = List.of(
            "demo",
            "consolidate",
            "allocate",
            "backtrack",
            "reconcile",
            "export",
            "validate",
            "month",
            "bench",
            "bench-pipeline",
            "help");

    /** Runs {@code args} on the command line made with every command. */
    private static CliRun full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BillingCommand.commandLine(false, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void eachCommandsHelpAndUsageErrors_areThoseOfTheFullCommandLine() {
        for (String command : COMMANDS) {
            for (String[] args : List.of(
                    new String[] {command, "--help"},
                    new String[] {command, "--no-such-option"},
                    new String[] {"--help"},
                    new String[] {"no-such-command"},
                    new String[] {})) {
                assertThat(CliRun.run(args)).as(String.join(" ", args)).isEqualTo(full(args));
            }
        }
    }
}
