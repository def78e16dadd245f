package org.cloudbilling.reseller.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.t;

import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The project history of resources (ATTR-5): moves recorded in any order, per resource, at most one per instant. */
@Tag("ATTR-5")
class ProjectHistoryTest {
    private static final ResourceId INS_1 = ResourceId.of("ins-1");
    private static final ResourceId INS_2 = ResourceId.of("ins-2");
    private static final ProjectId WEB = ProjectId.of("web");
    private static final ProjectId GAME = ProjectId.of("game");
    private static final ProjectId DATA = ProjectId.of("data");

    @Test
    void projectAt_movesRecordedLatestFirst_takeEffectInTimeOrder() {
        ProjectHistory h = ProjectHistory.empty()
                .moved(INS_1, GAME, t("2024-09-17T12:00"))
                .moved(INS_1, WEB, t("2024-09-01T00:00"));
        assertThat(h.projectAt(INS_1, t("2024-08-31T23:59"))).isEmpty();
        assertThat(h.projectAt(INS_1, t("2024-09-01T00:00"))).contains(WEB);
        assertThat(h.projectAt(INS_1, t("2024-09-17T11:59"))).contains(WEB);
        assertThat(h.projectAt(INS_1, t("2024-09-17T12:00"))).contains(GAME);
    }

    @Test
    void moved_oneResource_keepsTheOthersHistory() {
        ProjectHistory h = ProjectHistory.empty()
                .moved(INS_2, DATA, t("2024-09-01T00:00"))
                .moved(INS_1, WEB, t("2024-09-01T00:00"))
                .moved(INS_1, GAME, t("2024-09-10T00:00"));
        assertThat(h.projectAt(INS_2, t("2024-09-20T00:00"))).contains(DATA);
        assertThat(h.projectAt(INS_1, t("2024-09-20T00:00"))).contains(GAME);
        assertThat(h.projectAt(ResourceId.of("ins-3"), t("2024-09-20T00:00"))).isEmpty();
    }

    @Test
    void moved_twiceAtTheSameInstant_isRefused() {
        ProjectHistory h = ProjectHistory.empty().moved(INS_1, WEB, t("2024-09-01T00:00"));
        assertThatThrownBy(() -> h.moved(INS_1, GAME, t("2024-09-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource ins-1 already moves project at 2024-08-31T16:00:00Z");
        // another resource may move at that instant
        assertThat(h.moved(INS_2, GAME, t("2024-09-01T00:00")).projectAt(INS_2, t("2024-09-01T00:00")))
                .contains(GAME);
    }

    @Test
    void equals_sameMovesRecordedInAnotherOrder_isEqual() {
        ProjectHistory a = ProjectHistory.empty()
                .moved(INS_1, WEB, t("2024-09-01T00:00"))
                .moved(INS_1, GAME, t("2024-09-10T00:00"))
                .moved(INS_2, DATA, t("2024-09-05T00:00"));
        ProjectHistory b = ProjectHistory.empty()
                .moved(INS_2, DATA, t("2024-09-05T00:00"))
                .moved(INS_1, GAME, t("2024-09-10T00:00"))
                .moved(INS_1, WEB, t("2024-09-01T00:00"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ProjectHistory.empty().moved(INS_1, WEB, t("2024-09-01T00:00")));
        assertThat(a).isNotEqualTo(a.toString());
        assertThat(ProjectHistory.empty()
                        .moved(INS_1, WEB, t("2024-09-01T00:00"))
                        .toString())
                .isEqualTo("ProjectHistory{ins-1=[Move[project=web, from=2024-08-31T16:00:00Z]]}");
    }
}
