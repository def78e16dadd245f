package org.cloudbilling.examples.bench;

import picocli.CommandLine.Option;

/**
 * The {@code --items}, {@code --rules} and {@code --seed} options of the benchmarks that generate their month
 * ({@link Workload#generate}): which month they run on. A command gives its own default number of rules.
 */
final class MonthOptions {
    @Option(names = "--items", description = "line items in the month (default: ${DEFAULT-VALUE})")
    int items = 1_000_000;

    @Option(names = "--rules", description = "collection rules (default: ${DEFAULT-VALUE})")
    int rules;

    @Option(names = "--seed", description = "seed of the generated month (default: ${DEFAULT-VALUE})")
    long seed = 42;

    /** @param rules the default number of collection rules */
    MonthOptions(int rules) {
        this.rules = rules;
    }
}
