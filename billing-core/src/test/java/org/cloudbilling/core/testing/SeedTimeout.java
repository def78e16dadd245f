package org.cloudbilling.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * How long a fuzz test may take on one of its seeds when the seeds are replayed (docs/testing.md#fuzzing): at most
 * {@link #cpuSeconds()} of its thread's CPU time, and at most {@link #wallSeconds()} of wall-clock time. A seed that
 * loops (a hang) or whose cost grows exponentially fails on its CPU time, whatever the machine's load: a seed waiting
 * for a core on a loaded machine spends no CPU time, where a wall-clock limit of the same length fails it. The wall
 * limit, much longer, catches a seed that blocks without computing.
 *
 * <p>Put it before {@code @FuzzTest}. When Jazzer fuzzes (the environment variable or system property
 * {@code JAZZER_FUZZ} set), it does nothing: the whole fuzzing run is one invocation of the method, and Jazzer's own
 * per-input timeout (the {@code junit.jupiter.execution.timeout.testtemplate.method.default} the fuzz execution sets,
 * which libFuzzer applies to each input) guards each input.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SeedTimeout.Enforcer.class)
public @interface SeedTimeout {
    /** The CPU time one seed may take, in seconds. */
    long cpuSeconds() default 10;

    /** The wall-clock time one seed may take, in seconds: a backstop for a seed that blocks. */
    long wallSeconds() default 300;

    /** Runs each invocation of the annotated fuzz test in a thread of its own, within its CPU and wall-clock time. */
    final class Enforcer implements InvocationInterceptor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** How often the invocation's thread is looked at. */
        private static final long POLL_MILLIS = 50;

        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext extensionContext)
                throws Throwable {
            if (fuzzing(System.getenv("JAZZER_FUZZ"), System.getProperty("JAZZER_FUZZ"))) {
                invocation.proceed();
                return;
            }
            SeedTimeout limits = AnnotationSupport.findAnnotation(invocationContext.getExecutable(), SeedTimeout.class)
                    .orElseThrow(() -> new IllegalStateException("no @SeedTimeout"));
            run(
                    extensionContext.getDisplayName(),
                    () -> {
                        invocation.proceed();
                        return null;
                    },
                    Duration.ofSeconds(limits.cpuSeconds()),
                    Duration.ofSeconds(limits.wallSeconds()));
        }

        /** Whether Jazzer fuzzes, from {@code JAZZER_FUZZ} as an environment variable and as a system property. */
        static boolean fuzzing(String environment, String property) {
            return isSet(environment) || isSet(property);
        }

        private static boolean isSet(String value) {
            if (value == null) {
                return false;
            }
            String v = value.trim().toLowerCase(Locale.ROOT);
            return !v.isEmpty() && !v.equals("0") && !v.equals("false") && !v.equals("no") && !v.equals("off");
        }

        /** A piece of work that may throw anything. */
        @FunctionalInterface
        interface Work {
            Object call() throws Throwable;
        }

        /**
         * Runs {@code work} in a thread of its own and waits for it; fails if the thread's CPU time passes {@code cpu}
         * or the wall-clock time {@code wall} (the thread is then interrupted and left: nothing can stop it safely).
         * Rethrows what {@code work} throws.
         */
        static void run(String name, Work work, Duration cpu, Duration wall) throws Throwable {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread thread = new Thread(
                    () -> {
                        try {
                            work.call();
                        } catch (Throwable t) {
                            thrown.set(t);
                        }
                    },
                    "seed " + name);
            thread.setDaemon(true);
            long start = System.nanoTime();
            thread.start();
            while (true) {
                thread.join(POLL_MILLIS);
                if (!thread.isAlive()) {
                    break;
                }
                long cpuNanos = cpuNanos(thread);
                long wallNanos = System.nanoTime() - start;
                if (cpuNanos > cpu.toNanos() || wallNanos > wall.toNanos()) {
                    thread.interrupt();
                    throw new AssertionFailedError(String.format(
                            Locale.ROOT,
                            "%s took more than its %s: %.1f CPU-seconds in %.1f seconds (a hang, or an input whose"
                                    + " cost grows out of proportion); limits: %s CPU-seconds, %s seconds",
                            name,
                            cpuNanos > cpu.toNanos() ? "CPU time" : "wall-clock time",
                            cpuNanos / 1e9,
                            wallNanos / 1e9,
                            seconds(cpu),
                            seconds(wall)));
                }
            }
            if (thrown.get() != null) {
                throw thrown.get();
            }
        }

        private static String seconds(Duration d) {
            return java.math.BigDecimal.valueOf(d.toMillis(), 3)
                    .stripTrailingZeros()
                    .toPlainString();
        }

        /** The thread's CPU time, or -1 where the JVM does not measure it (then only the wall-clock limit holds). */
        @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
        private static long cpuNanos(Thread thread) {
            return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                    ? THREADS.getThreadCpuTime(thread.getId())
                    : -1;
        }
    }
}
