package org.cloudbilling.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing export --to focus}: a bill written as FOCUS 1.0. The FOCUS writer is not in this build: the
 * command says so and exits with 2.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a bill as FOCUS 1.0 (not available in this build).",
            "The library has no FOCUS writer yet, so the command exits with 2."
        })
public final class ExportCommand extends BaseCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "the format to write: focus")
    String to;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Override
    public Integer call() {
        if (!to.equals("focus")) {
            throw new UserError("--to: unknown format '" + to + "'; the only export format is focus");
        }
        throw new UserError(
                "export --to focus is not available in this build: the library has no FOCUS 1.0" + " writer yet");
    }
}
