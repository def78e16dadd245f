package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link ByteDictionary}, the readers' map from a cell's bytes to its value, finds a value exactly when the same
 * bytes were put, wherever the bytes sit in the row's buffer: keys of every length around the 8 bytes it reads at a
 * time, keys that differ in a single byte anywhere (first, middle, last, in the re-read tail), keys that are
 * prefixes of others, and bytes past ASCII.
 */
class ByteDictionaryProperties {
    /** A key from a few numbers: its length, and which of a few bytes sits at each place. */
    private static Gen<byte[]> keys() {
        return lists().of(integers().between(0, 3)).ofSizeBetween(0, 40).map(picks -> {
            byte[] key = new byte[picks.size()];
            byte[] alphabet = {'a', 'b', (byte) 0xC3, '"'};
            for (int i = 0; i < key.length; i++) {
                key[i] = alphabet[picks.get(i)];
            }
            return key;
        });
    }

    @Test
    void get_findsExactlyTheKeysPut_atAnyOffset() {
        qt().withExamples(300)
                .forAll(
                        lists().of(keys()).ofSizeBetween(1, 60),
                        lists().of(keys()).ofSizeBetween(1, 60),
                        integers().between(0, 9))
                .checkAssert((put, probes, offset) -> {
                    ByteDictionary d = new ByteDictionary();
                    Map<String, Object> model = new HashMap<>();
                    for (byte[] key : put) {
                        String text = new String(key, StandardCharsets.ISO_8859_1);
                        if (!model.containsKey(text)) {
                            Object value = new Object();
                            model.put(text, value);
                            d.put(key.clone(), value);
                        }
                    }
                    assertThat(d.size()).isEqualTo(model.size());
                    for (List<byte[]> keys : List.of(put, probes)) {
                        for (byte[] key : keys) {
                            // the key inside a buffer, between other bytes
                            byte[] buf = new byte[offset + key.length + 9];
                            Arrays.fill(buf, (byte) 'z');
                            System.arraycopy(key, 0, buf, offset, key.length);
                            Object expected = model.get(new String(key, StandardCharsets.ISO_8859_1));
                            assertThat(d.get(buf, offset, offset + key.length)).isSameAs(expected);
                        }
                    }
                });
    }

    /**
     * Keys of up to 7 bytes are compared as one word, their length in its top byte: keys of zero bytes of every
     * length are distinct, and a key of 8 bytes is compared by its bytes.
     */
    @Test
    @org.junit.jupiter.api.Tag("FOCUS-8")
    void get_shortKeysOfZeroBytes_eachFoundByItsLength() {
        ByteDictionary d = new ByteDictionary();
        for (int len = 0; len <= 9; len++) {
            d.put(new byte[len], len);
        }
        byte[] buf = new byte[20];
        for (int len = 0; len <= 9; len++) {
            assertThat(d.get(buf, 3, 3 + len)).isEqualTo(len);
            assertThat(ByteDictionary.word(buf, 3, 3 + len)).isEqualTo(len <= 7 ? (long) len << 56 : -1L);
        }
        byte[] key = {'o', '0', '0', '5', '0', '3'};
        assertThat(ByteDictionary.word(key, 0, key.length)).isEqualTo(0x06_00_33_30_35_30_30_6FL);
        assertThat(d.get(key, 0, key.length)).isNull();
    }

    @Test
    void get_keyDifferingInOneByte_notFound() {
        qt().withExamples(300).forAll(keys(), integers().between(0, 39)).checkAssert((key, at) -> {
            if (key.length == 0) {
                return;
            }
            int i = at % key.length;
            ByteDictionary d = new ByteDictionary();
            d.put(key.clone(), "value");
            byte[] other = key.clone();
            other[i] = (byte) (other[i] ^ 0x01);
            assertThat(d.get(other, 0, other.length)).isNull();
            assertThat(d.get(key, 0, key.length)).isEqualTo("value");
            assertThat(ByteDictionary.same(key, other, 0, other.length)).isFalse();
            assertThat(ByteDictionary.hash(key, 0, key.length))
                    .isEqualTo(ByteDictionary.hash(Arrays.copyOf(key, key.length + 3), 0, key.length));
        });
    }
}
