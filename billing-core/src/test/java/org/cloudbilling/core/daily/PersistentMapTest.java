package org.cloudbilling.core.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.daily.internal.PersistentMap;
import org.junit.jupiter.api.Test;

/** The persistent map behaves as a map after any puts and removes, and older versions stay as they were. */
class PersistentMapTest {
    /** Keys whose hash codes collide in pairs and share long prefixes, so collisions and deep paths occur. */
    private record Key(int id) {
        @Override
        public int hashCode() {
            return (id / 2) * 1_048_576;
        }
    }

    @Test
    void putsAndRemoves_behaveAsAHashMap_andOldVersionsDoNotChange() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PersistentMap<Object, Integer> map = PersistentMap.empty();
            Map<Object, Integer> expected = new HashMap<>();
            PersistentMap<Object, Integer> snapshot = map;
            Map<Object, Integer> snapshotExpected = new HashMap<>();
            for (int step = 0; step < 400; step++) {
                Object key = random.nextBoolean() ? (Object) random.nextInt(200) : new Key(random.nextInt(60));
                if (random.nextInt(3) == 0) {
                    map = map.remove(key);
                    expected.remove(key);
                } else {
                    int value = random.nextInt(5);
                    map = map.put(key, value);
                    expected.put(key, value);
                }
                if (step == 150) {
                    snapshot = map;
                    snapshotExpected = new HashMap<>(expected);
                }
            }
            assertThat(map.size()).isEqualTo(expected.size());
            Map<Object, Integer> back = new HashMap<>();
            map.forEach(back::put);
            assertThat(back).isEqualTo(expected);
            for (Map.Entry<Object, Integer> e : expected.entrySet()) {
                assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
            }
            Map<Object, Integer> old = new HashMap<>();
            snapshot.forEach(old::put);
            assertThat(old).isEqualTo(snapshotExpected);
            assertThat(snapshot.size()).isEqualTo(snapshotExpected.size());
        });
    }

    @Test
    void puttingTheSameValue_returnsTheSameMap() {
        PersistentMap<String, String> map =
                PersistentMap.<String, String>empty().put("a", "1");
        assertThat(map.put("a", "1")).isSameAs(map);
        assertThat(map.remove("b")).isSameAs(map);
        assertThat(map.remove("a").isEmpty()).isTrue();
    }
}
