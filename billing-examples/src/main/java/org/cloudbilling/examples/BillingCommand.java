package org.cloudbilling.examples;

import java.io.PrintStream;
import org.cloudbilling.core.io.BillingInputException;

/**
 * The {@code billing} command line: {@code java -jar billing-examples/target/billing.jar [demo]}.
 *
 * <p>Exit codes: 0 done, 2 bad input or usage (a message, never a stack trace), 1 a bug.
 */
public final class BillingCommand {
    private BillingCommand() {}

    /**
     * Runs a command.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "demo" : args[0];
        try {
            switch (command) {
                case "demo":
                    Demo.run(out);
                    return 0;
                case "--help":
                case "-h":
                case "help":
                    usage(out);
                    return 0;
                default:
                    err.println("billing: unknown command '" + command + "'");
                    usage(err);
                    return 2;
            }
        } catch (BillingInputException e) {
            err.println("billing: " + e.getMessage());
            return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar billing.jar <command>");
        out.println("Commands:");
        out.println("  demo    consolidate the bundled FOCUS 1.0 sample and print a report (the default)");
        out.println("  help    show this help");
    }
}
