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
import org.cloudbilling.core.io.StrictText;

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
        try (Reader r = StrictText.reader(Files.newInputStream(file), StandardCharsets.UTF_8, file.toString())) {
            return RuleSetJson.read(r, file.toString());
        } catch (StrictText.MalformedTextException e) {
            throw new UserError(e.getMessage()); // names the line and column of the bytes that are not UTF-8
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StrictText.MalformedTextException m) {
                throw new UserError(m.getMessage());
            }
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
