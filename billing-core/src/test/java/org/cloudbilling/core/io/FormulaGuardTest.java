package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The formula guard as a host sees it: {@link FormulaGuard#guard} and {@link FormulaGuard#unguard}. */
@Tag("IO-2")
class FormulaGuardTest {

    @Test
    void guard_on_prefixesFormulasWithAQuote() {
        assertThat(FormulaGuard.ON.guard("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FormulaGuard.ON.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.ON.guard("+cmd")).isEqualTo("'+cmd");
        assertThat(FormulaGuard.ON.guard("'quoted")).isEqualTo("''quoted");
    }

    @Test
    void guard_on_leavesPlainTextAndNumbers() {
        assertThat(FormulaGuard.ON.guard("web")).isEqualTo("web");
        assertThat(FormulaGuard.ON.guard("-1.5")).isEqualTo("-1.5");
        assertThat(FormulaGuard.ON.guard("")).isEmpty();
    }

    @Test
    void guard_off_writesExactly() {
        assertThat(FormulaGuard.OFF.guard("=1+1")).isEqualTo("=1+1");
        assertThat(FormulaGuard.OFF.unguard("'=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void unguard_on_reversesGuard() {
        for (String s : new String[] {"=1+1", "'x", "-a", "-1.5", "web", ""}) {
            assertThat(FormulaGuard.ON.unguard(FormulaGuard.ON.guard(s))).isEqualTo(s);
        }
    }

    @Test
    void guard_null_isRefused() {
        assertThatThrownBy(() -> FormulaGuard.ON.guard(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FormulaGuard.OFF.unguard(null)).isInstanceOf(NullPointerException.class);
    }
}
