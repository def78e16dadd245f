package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The race's check: it reports only when the library and DuckDB agree to the last decimal. */
class PipelineBenchCommandTest {
    private static final String HEADER = "ownerUin,ItemCount,ListCost,BilledCost,BillingCurrency\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void compare_sameSumsAtDifferentScales_agree() throws IOException {
        Path lib = file("lib.csv", HEADER + "o1,2,10.50000000,-0.25000000,CNY\n");
        Path duck = file("duck.csv", "o1,2,10.5000000000,-0.2500000000,CNY\n");

        assertThat(PipelineBenchCommand.compare(lib, duck)).isEmpty();
    }

    @Test
    void compare_aLastDecimalOrACountOrAGroupApart_disagrees() throws IOException {
        Path lib = file("lib.csv", HEADER + "o1,2,10.50000001,1,CNY\no2,1,1,1,CNY\n");
        Path duck = file("duck.csv", "o1,2,10.5000000000,1,CNY\no2,2,1,1,CNY\n");

        assertThat(PipelineBenchCommand.compare(lib, duck)).hasSize(2);
        assertThat(PipelineBenchCommand.compare(lib, file("short.csv", "o1,2,10.50000001,1,CNY\n")))
                .containsExactly("groups: library 2, DuckDB 1");
    }
}
