package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;

/**
 * A test period of {@link PlacementCacheTest} and {@link SharedPlacementsTest}: the items on five resources, four of
 * which carry a tag history that changes in the middle of the month.
 */
record RetaggedPeriod(List<LineItem> items, TagBindings history) {
    private static final Instant MONTH = Instant.parse("2024-08-31T16:00:00Z");
    private static final String[] TEAMS = {"web", "data", "ml"};

    /** {@code count} of {@code random}'s items on the resources, and their history, drawn from {@code seed}. */
    static RetaggedPeriod of(RandomRuleSets random, long seed, int count) {
        Random r = new Random(seed);
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : random.items(count)) {
            int k = r.nextInt(6);
            items.add(
                    k == 5
                            ? item
                            : LineItem.builder()
                                    .from(item)
                                    .resourceId(ResourceId.of("res-" + k))
                                    .build());
        }
        List<TagBinding> bindings = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ResourceId res = ResourceId.of("res-" + k);
            Instant change = MONTH.plusSeconds(3600L * (1 + r.nextInt(700)));
            bindings.add(TagBinding.of(res, Tag.of("team", TEAMS[r.nextInt(3)]), MONTH.minusSeconds(86400))
                    .endedAt(change, TagBinding.End.UNBOUND));
            bindings.add(TagBinding.of(res, Tag.of("team", TEAMS[r.nextInt(3)]), change));
            if (r.nextBoolean()) {
                bindings.add(TagBinding.of(res, Tag.of("env", r.nextBoolean() ? "prod" : "dev"), change));
            }
        }
        return new RetaggedPeriod(items, TagBindings.of(bindings));
    }
}
