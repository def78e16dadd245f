package org.cloudbilling.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The seed replay's time limits ({@link SeedTimeout}, docs/testing.md#fuzzing). */
class SeedTimeoutTest {
    private static final Duration CPU = Duration.ofMillis(300);
    private static final Duration WALL = Duration.ofSeconds(60);

    @Test
    @DisplayName("a seed that waits for longer than its CPU limit, spending no CPU (a loaded machine), passes")
    void waitingLongerThanTheCpuLimit_passes() throws Throwable {
        // a wall-clock limit of the CPU limit's length (the former @Timeout) fails this seed
        long start = System.nanoTime();

        SeedTimeout.Enforcer.run(
                "waiting",
                () -> {
                    Thread.sleep(1_000);
                    return null;
                },
                CPU,
                WALL);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(CPU);
    }

    @Test
    @DisplayName("a seed that computes for longer than its CPU limit (a hang) fails, saying so")
    void computingLongerThanTheCpuLimit_fails() {
        assertThatThrownBy(() -> SeedTimeout.Enforcer.run("spinning", SeedTimeoutTest::spin, CPU, WALL))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("spinning took more than its CPU time: ")
                .hasMessageContaining("a hang, or an input whose cost grows out of proportion")
                .hasMessageEndingWith("limits: 0.3 CPU-seconds, 60 seconds");
    }

    @Test
    @DisplayName("a seed that blocks for longer than its wall-clock limit fails, saying so")
    void blockingLongerThanTheWallLimit_fails() {
        assertThatThrownBy(() -> SeedTimeout.Enforcer.run(
                        "blocking",
                        () -> {
                            Thread.sleep(60_000);
                            return null;
                        },
                        Duration.ofSeconds(10),
                        Duration.ofMillis(300)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("blocking took more than its wall-clock time: ");
    }

    @Test
    @DisplayName("what a seed throws is thrown as it is")
    void whatTheSeedThrows_isRethrown() {
        IOException e = new IOException("broken");

        assertThatThrownBy(() -> SeedTimeout.Enforcer.run(
                        "throwing",
                        () -> {
                            throw e;
                        },
                        CPU,
                        WALL))
                .isSameAs(e);
    }

    @Test
    @DisplayName("fuzzing (JAZZER_FUZZ set as Jazzer reads it) leaves the limits to Jazzer's per-input timeout")
    void fuzzing_isJazzerFuzzSetInTheEnvironmentOrAsAProperty() {
        assertThat(SeedTimeout.Enforcer.fuzzing(null, null)).isFalse();
        assertThat(SeedTimeout.Enforcer.fuzzing("", "0")).isFalse();
        assertThat(SeedTimeout.Enforcer.fuzzing("false", null)).isFalse();
        assertThat(SeedTimeout.Enforcer.fuzzing("1", null)).isTrue();
        assertThat(SeedTimeout.Enforcer.fuzzing(null, "1")).isTrue();
        assertThat(SeedTimeout.Enforcer.fuzzing(null, "true")).isTrue();
    }

    private static Object spin() {
        long x = 0;
        while (!Thread.currentThread().isInterrupted()) {
            x += System.nanoTime() % 7;
        }
        return x;
    }
}
