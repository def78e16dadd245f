package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineItemCsv#collect} of a canonical file into a {@link CostClassCollector} that classes by values
 * ({@link CostClassCollector#classOf(ClassValues)}): each new combination of class cells is classed from its values,
 * which are the item's ({@link LineItemField#text}, its tags), with no item made; whatever the threads and parts.
 * The expectation is computed from the items written, not from the reader.
 */
class ClassValuesTest {
    private static final Set<LineItemField> FIELDS = EnumSet.of(
            LineItemField.OWNER_UIN,
            LineItemField.PROJECT_ID,
            LineItemField.REGION_ID,
            LineItemField.RESOURCE_ID,
            LineItemField.PAY_MODE,
            LineItemField.ACTION_TYPE,
            LineItemField.TAGS);

    @TempDir
    Path dir;

    /** Tag keys read one by one: each key the items may have, one that is a prefix of another, and one none has. */
    private static final List<TagKey> READ_TAGS =
            List.of(TagKey.of("team"), TagKey.of("env"), TagKey.of("app"), TagKey.of("tea"), TagKey.of("owner"));

    /**
     * The class fields of an item as one text: the values as {@link LineItemField#text} gives them, then a few tags
     * read one by one, then the tags.
     */
    private static String key(
            Function<LineItemField, String> text,
            Function<TagKey, String> tag,
            java.util.function.Supplier<Map<TagKey, String>> tags) {
        StringBuilder s = new StringBuilder();
        for (LineItemField f : FIELDS) {
            if (f != LineItemField.TAGS) {
                s.append(f.fieldName()).append('=').append(text.apply(f)).append(';');
            }
        }
        for (TagKey k : READ_TAGS) {
            s.append("tag:").append(k.value()).append('=').append(tag.apply(k)).append(';');
        }
        Map<String, String> sorted = new TreeMap<>();
        tags.get().forEach((k, v) -> sorted.put(k.value(), v));
        return s.append("tags=").append(sorted).toString();
    }

    /** Classes by values only; records every combination it was asked about, and any item it was given. */
    static class ByValues implements CostClassCollector<List<String>, List<String>> {
        final Set<String> asked = new HashSet<>();
        final List<String> askedWithItems = new ArrayList<>();
        final Map<String, Integer> classes = new TreeMap<>();

        @Override
        public Set<LineItemField> classFields() {
            return FIELDS;
        }

        @Override
        public synchronized int classOf(ClassValues values) {
            String key = key(values::text, values::tag, values::tags); // tag before tags: a reader may make no map
            asked.add(key);
            return classes.computeIfAbsent(key, k -> classes.size());
        }

        @Override
        public synchronized int classOf(LineItem item) {
            askedWithItems.add(item.id().value());
            return NO_CLASS;
        }

        @Override
        public void addCost(List<String> container, int costClass, Money totalCost) {
            container.add(costClass + ":" + totalCost.amount().toPlainString());
        }

        @Override
        public Supplier<List<String>> supplier() {
            return ArrayList::new;
        }

        @Override
        public BiConsumer<List<String>, LineItem> accumulator() {
            return (list, item) -> list.add("item " + item.id().value());
        }

        @Override
        public BinaryOperator<List<String>> combiner() {
            return (a, b) -> {
                a.addAll(b);
                return a;
            };
        }

        @Override
        public Function<List<String>, List<String>> finisher() {
            return a -> a;
        }

        @Override
        public Set<Characteristics> characteristics() {
            return EnumSet.of(Characteristics.IDENTITY_FINISH);
        }
    }

    /** Items varied in every class field: optional fields absent or present, tags none, plain or needing JSON. */
    private static List<LineItem> items(int count) {
        Random r = new Random(7);
        List<LineItem> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            LineItem.Builder b = LineItem.builder()
                    .from(BadInputFormat.item(1))
                    .id(LineItemId.of("li-" + n))
                    .ownerUin(OwnerUin.of("o" + r.nextInt(4)))
                    .payMode(PayMode.values()[r.nextInt(PayMode.values().length)])
                    .actionType(r.nextBoolean() ? ActionType.USAGE : ActionType.ADJUSTMENT)
                    .tags(Map.of());
            if (r.nextBoolean()) {
                b.projectId(ProjectId.of("prj" + r.nextInt(3)));
            }
            if (r.nextInt(3) > 0) {
                b.regionId(RegionId.of("ap-r" + r.nextInt(2)));
            }
            if (r.nextInt(3) == 0) {
                b.resourceId(ResourceId.of("ins-" + r.nextInt(3)));
            }
            switch (r.nextInt(4)) {
                case 0 -> {}
                case 1 -> b.putTag(TagKey.of("team"), "t" + r.nextInt(2));
                case 2 -> b.putTag(TagKey.of("team"), "t1").putTag(TagKey.of("env"), "e" + r.nextInt(2));
                default -> b.putTag(TagKey.of("app"), "a \"quoted\", x" + r.nextInt(2)); // read as JSON: escapes
            }
            items.add(b.build());
        }
        return items;
    }

    @Test
    void eachNewCombination_isClassedFromItsValues_noItemMade() throws IOException {
        List<LineItem> items = items(400);
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            items.forEach(w::write);
        }
        Path file = dir.resolve("items.csv");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        Set<String> expected = items.stream()
                .map(i -> key(f -> f.text(i), k -> i.tags().get(k), i::tags))
                .collect(Collectors.toSet());

        for (int threads = 1; threads <= 2; threads++) {
            for (long chunk : new long[] {256, 16 << 20}) {
                ByValues collector = new ByValues();
                List<String> got =
                        LineItemCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.ON, collector, threads, chunk);

                // every combination of the file asked about by its values, and no other
                assertThat(collector.asked)
                        .as("%s threads, parts of %s bytes", threads, chunk)
                        .isEqualTo(expected);
                // no item made to class a row, and every row given by its class and cost
                assertThat(collector.askedWithItems).isEmpty();
                assertThat(got).hasSize(items.size()).noneMatch(s -> s.startsWith("item "));
            }
        }
    }

    @Test
    void aFieldNotAClassField_isRefused() throws IOException {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            w.write(BadInputFormat.item(1));
        }
        Path file = dir.resolve("one.csv");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        List<Throwable> thrown = new ArrayList<>();
        ByValues collector = new ByValues() {
            @Override
            public synchronized int classOf(ClassValues values) {
                for (LineItemField f : List.of(LineItemField.PAYER_UIN, LineItemField.TAGS)) {
                    try {
                        values.text(f);
                    } catch (IllegalArgumentException e) {
                        thrown.add(e);
                    }
                }
                return super.classOf(values);
            }
        };

        LineItemCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.ON, collector, 1, 16 << 20);

        assertThat(thrown).hasSize(2);
        assertThatThrownBy(() -> {
                    throw thrown.get(0);
                })
                .hasMessageContaining("PAYER_UIN is not a class field");
    }
}
