package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a file go to the parser freed last, so the parsers of the reading threads read every part between
 * them (and fill their dictionaries from the most rows each), the spare one idle: whatever the parser, the same
 * rows in file order.
 */
class CsvFilePartsTest {
    /** A parser: the row cutter, and the rows it read. */
    private static final class Parser {
        final CsvByteRows rows = new CsvByteRows("f.csv");
        long read;
    }

    private static Map<Parser, Long> partsOnThreads(Path file, int threads) throws IOException {
        Map<Parser, Long> used = new IdentityHashMap<>();
        long rows = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                CsvFileParts<Parser> parts = new CsvFileParts<>(channel, channel.size(), 4, threads, 64, Parser::new)) {
            long size = channel.size();
            CsvFileParts.PartReader<Parser> reader = (parser, from, to, first) -> {
                long[] n = {0};
                CsvByteRows.Part part = parser.rows.read(channel, size, from, to, first, line -> {
                    n[0]++;
                    return true;
                });
                synchronized (used) {
                    used.merge(parser, 1L, Long::sum);
                }
                parser.read += n[0];
                return new CsvFileParts.Done(part, n[0]);
            };
            for (CsvFileParts.Done done = parts.next(reader, threads + 1);
                    done != null;
                    done = parts.next(reader, threads + 1)) {
                rows += (Long) done.result;
                parts.passed(done);
            }
        }
        assertThat(rows).isEqualTo(1000);
        return used;
    }

    private static Path file(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 1000; i++) {
            text.append(i).append(",x\n");
        }
        return Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void oneThread_readsEveryPartWithOneParser(@TempDir Path dir) throws IOException {
        Map<Parser, Long> used = partsOnThreads(file(dir), 1);
        assertThat(used).hasSize(1); // taken in turn, the spare parser would read every other part
        assertThat(used.keySet().iterator().next().read).isEqualTo(1000);
    }

    @Test
    void twoThreads_readEveryPartWithAtMostTwoParsers(@TempDir Path dir) throws IOException {
        Map<Parser, Long> used = partsOnThreads(file(dir), 2);
        assertThat(used.size()).isBetween(1, 2);
        assertThat(used.keySet().stream().mapToLong(p -> p.read).sum()).isEqualTo(1000);
    }
}
