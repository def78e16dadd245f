package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Test;

/**
 * Placements by resource are a short cut: an item of a resource placed before is placed by the entry of that
 * resource only when everything its rules test is what the entry's item had (the same objects or equal ones, its own
 * tags, or its time within the span in which the history's tags stay as they were); otherwise it is matched.
 */
@org.junit.jupiter.api.Tag("ALLOC-2")
@org.junit.jupiter.api.Tag("ALLOC-3")
class ResourcePlacementsTest {
    private static final TagKey TEAM = TagKey.of("team");
    private static final Instant RETAG = WorkedExample.at("2024-09-15T00:00");

    /** Rule 0: team web to unit web; rule 1: project 7 to unit data; else Unallocated. */
    private static final Allocator ALLOCATOR = Allocator.compile(AllocationRuleSet.of(
            List.of(
                    AllocationUnit.root("root", "Root"),
                    AllocationUnit.child("web", "Web", "root"),
                    AllocationUnit.child("data", "Data", "root")),
            List.of(
                    AllocationRule.of("r-web", "web", Condition.tagIn(TEAM, "web")),
                    AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.PROJECT_ID, "7"))),
            List.of(),
            Set.of(TEAM)));

    private static SharedPlacements newKeys() {
        return new SharedPlacements(PlacementCache.keyWidth(ALLOCATOR));
    }

    /** A cache of one collection's thread, keeping its keys in {@code keys}, looking in {@code byResource} first. */
    private static PlacementCache cacheOf(SharedPlacements keys, ResourcePlacements byResource) {
        return new PlacementCache(ALLOCATOR, TagBindings.empty(), keys, byResource);
    }

    private static LineItem item(String id, String resource, String hour, String billTeam) {
        return WorkedExample.item(id, "1", "p_cvm", resource, hour, "1.00", billTeam);
    }

    @Test
    void anItemOfAResourceRetagged_isPlacedByTheTagsAtItsOwnTime() {
        ResourceId res = ResourceId.of("ins-1");
        TagBindings history = TagBindings.of(List.of(
                TagBinding.of(res, Tag.of(TEAM, "web"), Instant.parse("2024-08-01T00:00:00Z"))
                        .endedAt(RETAG, TagBinding.End.UNBOUND),
                TagBinding.of(res, Tag.of(TEAM, "ml"), RETAG)));
        PlacementCache cache = new PlacementCache(ALLOCATOR, history);
        // the same item but for its hour, before and after the re-tag, and before again
        assertThat(cache.placementOf(item("a", "ins-1", "2024-09-05T10:00", null)))
                .isZero();
        assertThat(cache.placementOf(item("b", "ins-1", "2024-09-20T10:00", null)))
                .isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(cache.placementOf(item("c", "ins-1", "2024-09-14T23:00", null)))
                .isZero();
        assertThat(cache.placementOf(item("d", "ins-1", "2024-09-15T00:00", null)))
                .isEqualTo(PlacementCache.UNALLOCATED);
    }

    @Test
    void anItemWithOtherTagsOfItsOwn_isNotPlacedByAnotherItemsEntry() {
        PlacementCache cache = new PlacementCache(ALLOCATOR, TagBindings.empty());
        assertThat(cache.placementOf(item("a", "ins-1", "2024-09-05T10:00", "web")))
                .isZero();
        assertThat(cache.placementOf(item("b", "ins-1", "2024-09-05T10:00", "data")))
                .isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(cache.placementOf(item("c", "ins-1", "2024-09-05T10:00", null)))
                .isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(cache.placementOf(item("d", "ins-1", "2024-09-05T11:00", "web")))
                .isZero();
    }

    @Test
    void equalIdentifiersOfOtherObjects_areTheEntrysItem_andADifferentValueIsNot() {
        ResourcePlacements byResource = PlacementCache.byResource(ALLOCATOR);
        PlacementCache cache = cacheOf(newKeys(), byResource);
        LineItem first = item("a", "ins-1", "2024-09-05T10:00", null);
        // every identifier a new object of the same text: the entry of the first item places it
        LineItem same = item("b", "ins-1", "2024-09-06T10:00", null);
        LineItem project7 =
                LineItem.builder().from(first).projectId(ProjectId.of("7")).build();
        assertThat(cache.placementOf(first)).isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(cache.placementOf(same)).isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(byResource.size()).isOne();
        assertThat(cache.placementOf(project7)).isOne();
        assertThat(byResource.size()).isEqualTo(2);
    }

    @Test
    void manyKeysOfOneResource_arePlacedEachByItsOwnValues_inGroupsToo() {
        ResourcePlacements byResource = PlacementCache.byResource(ALLOCATOR);
        PlacementCache cache = cacheOf(newKeys(), byResource);
        LineItem[] items = new LineItem[60];
        for (int i = 0; i < items.length; i++) { // more keys than a look-up probes slots
            items[i] = LineItem.builder()
                    .from(item("i" + i, "ins-1", "2024-09-05T10:00", i % 3 == 0 ? "web" : null))
                    .projectId(ProjectId.of(String.valueOf(i % 10)))
                    .build();
        }
        int[] placements = new int[PlacementCache.GROUP];
        for (int round = 0; round < 2; round++) {
            cache.placementsOf(items, items.length, placements);
            for (int i = 0; i < items.length; i++) {
                int expected = i % 3 == 0 ? 0 : i % 10 == 7 ? 1 : PlacementCache.UNALLOCATED;
                assertThat(placements[i]).as("round %s, item %s", round, i).isEqualTo(expected);
                assertThat(cache.placementOf(items[i])).isEqualTo(expected);
            }
        }
        assertThat(byResource.size()).isLessThanOrEqualTo(ResourcePlacements.PROBES);
    }

    @Test
    void resourcesNamedInSequence_eachKeepTheirEntry() {
        ResourcePlacements byResource = PlacementCache.byResource(ALLOCATOR);
        PlacementCache cache = cacheOf(newKeys(), byResource);
        int n = 100_000; // names that differ in their last characters: hashes of strings close to one another
        for (int i = 0; i < n; i++) {
            LineItem item = item("i" + i, String.format("ins-%06d", i), "2024-09-05T10:00", i % 3 == 0 ? "web" : null);
            assertThat(cache.placementOf(item)).isEqualTo(i % 3 == 0 ? 0 : PlacementCache.UNALLOCATED);
        }
        // an entry that finds no free slot near its hash takes the place of another: with hashes that cluster, a
        // third of them did, and each item of a resource that lost its entry was matched again
        assertThat(byResource.size()).isGreaterThan(n * 99 / 100);
    }

    @Test
    void keysNoTwoResourcesShare_stopBeingKeptAfterTheTrial_andEachItemIsStillPlacedByItsValues() {
        SharedPlacements keys = newKeys();
        PlacementCache cache = cacheOf(keys, PlacementCache.byResource(ALLOCATOR));
        int n = 3 * PlacementCache.TRIAL;
        for (int i = 0; i < n; i++) { // a resource and a project of its own each: every key read is new
            LineItem item = LineItem.builder()
                    .from(item("i" + i, "ins-" + i, "2024-09-05T10:00", i % 3 == 0 ? "web" : null))
                    .projectId(ProjectId.of(i % 5 == 0 ? "7" : "p" + i))
                    .build();
            int expected = i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : PlacementCache.UNALLOCATED;
            assertThat(cache.placementOf(item)).as("item %s", i).isEqualTo(expected);
        }
        assertThat(cache.keepsKeys()).isFalse();
        // about four keys in five are new: kept while judged, none after (kept all along, about 10,000)
        assertThat(keys.size()).isBetween(PlacementCache.TRIAL / 2, PlacementCache.TRIAL);
    }

    @Test
    void keysManyResourcesShare_stayKept() {
        SharedPlacements keys = newKeys();
        PlacementCache cache = cacheOf(keys, PlacementCache.byResource(ALLOCATOR));
        int n = 3 * PlacementCache.TRIAL;
        for (int i = 0; i < n; i++) { // a resource of its own each, of one of ten projects
            LineItem item = LineItem.builder()
                    .from(item("i" + i, "ins-" + i, "2024-09-05T10:00", null))
                    .projectId(ProjectId.of(String.valueOf(i % 10)))
                    .build();
            assertThat(cache.placementOf(item)).isEqualTo(i % 10 == 7 ? 1 : PlacementCache.UNALLOCATED);
        }
        assertThat(cache.keepsKeys()).isTrue();
        assertThat(keys.size()).isEqualTo(10);
    }

    @Test
    void aTableCleared_keepsNoEntry_andPlacesItsItemsByTheirValuesAgain() {
        ResourcePlacements byResource = PlacementCache.byResource(ALLOCATOR);
        PlacementCache cache = cacheOf(newKeys(), byResource);
        LineItem web = item("a", "ins-1", "2024-09-05T10:00", "web");
        LineItem none = item("b", "ins-2", "2024-09-05T10:00", null);
        assertThat(cache.placementOf(web)).isZero();
        assertThat(cache.placementOf(none)).isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(byResource.size()).isEqualTo(2);

        byResource.clear();

        assertThat(byResource.size()).isZero();
        assertThat(byResource.find(
                        web,
                        web.resourceId().orElseThrow(),
                        ResourcePlacements.hash(web.resourceId().orElseThrow())))
                .isEqualTo(ResourcePlacements.NOT_FOUND);
        assertThat(cache.placementOf(none)).isEqualTo(PlacementCache.UNALLOCATED);
        assertThat(cache.placementOf(web)).isZero();
        assertThat(byResource.size()).isEqualTo(2);
    }
}
