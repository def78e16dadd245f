package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Test;

/** The tag history tag backtracking allocates with: current tags reach back, unbound tags keep their past. */
@org.junit.jupiter.api.Tag("BACK-6")
class TagRefreshTest {
    private static final ResourceId INS = ResourceId.of("ins-1");

    @Test
    void refresh_currentTagReachesBack_unboundTagKeepsItsPeriod() {
        TagBindings history = TagBindings.of(List.of(
                TagBinding.of(INS, Tag.of("team", "web"), Instant.parse("2024-09-01T00:00:00Z"))
                        .endedAt(Instant.parse("2024-09-17T00:00:00Z"), TagBinding.End.UNBOUND),
                TagBinding.of(INS, Tag.of("team", "data"), Instant.parse("2024-09-17T00:00:00Z")),
                TagBinding.of(INS, Tag.of("env", "prod"), Instant.parse("2024-08-01T00:00:00Z"))
                        .endedAt(Instant.parse("2024-09-10T00:00:00Z"), TagBinding.End.UNBOUND)));

        TagBindings refreshed = TagRefresh.refresh(history, List.of(INS), Instant.parse("2024-10-01T00:00:00Z"));

        assertThat(refreshed.tagsAt(INS, Instant.parse("2024-09-05T00:00:00Z")))
                .isEqualTo(Map.of(TagKey.of("team"), "data", TagKey.of("env"), "prod"));
        assertThat(refreshed.tagsAt(INS, Instant.parse("2024-09-12T00:00:00Z")))
                .isEqualTo(Map.of(TagKey.of("team"), "data"));
        assertThat(refreshed.tagsAt(INS, Instant.parse("2024-07-01T00:00:00Z")))
                .as("before any binding: the current tag reaches back")
                .isEqualTo(Map.of(TagKey.of("team"), "data"));
    }
}
