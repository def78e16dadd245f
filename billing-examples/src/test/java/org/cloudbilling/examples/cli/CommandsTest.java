package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

class CommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "consolidate", "allocate", "backtrack", "reconcile", "export"})
    void help_everyCommand_printsItsUsage_andExitsWithZero(String command) {
        CliRun run = CliRun.run(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: billing " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_top_listsEveryCommand() {
        CliRun run = CliRun.run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("demo", "consolidate", "allocate", "backtrack", "reconcile", "export");
    }

    @Test
    void billing_withoutCommand_exitsWithTwo_showingTheUsage() {
        CliRun run = CliRun.run();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("a command is missing").contains("Usage: billing");
    }

    @Test
    void aBug_exitsWithOne_withItsTrace() {
        CliRun run = CliRun.runWith(new Broken(), "broken");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains("internal error, a bug")
                .contains("bug: broken on purpose")
                .contains("\tat ");
    }

    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("bug: broken on purpose");
        }
    }
}
