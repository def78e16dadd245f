package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.json.RuleSetJson;

/** Reads rule-set JSON files; a bad rule set is reported by the library with every problem's JSON path. */
final class RuleFiles {
    private RuleFiles() {}

    /**
     * Reads the rule set in {@code file}.
     *
     * @throws UserError if the file cannot be read
     * @throws org.cloudbilling.allocation.RuleSetException if it is not a valid rule set
     */
    static AllocationRuleSet read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RuleSetJson.read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
