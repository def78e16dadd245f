package org.cloudbilling.reseller.channel;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;

/**
 * Which project owned each resource when (ATTR-5): a change of project takes effect by deduction time.
 *
 * <pre>{@code
 * ProjectHistory projects = ProjectHistory.empty()
 *         .moved(ResourceId.of("ins-1"), ProjectId.of("web"), Instant.parse("2024-09-01T00:00:00Z"))
 *         .moved(ResourceId.of("ins-1"), ProjectId.of("game"), Instant.parse("2024-09-17T00:00:00Z"));
 * projects.projectAt(ResourceId.of("ins-1"), Instant.parse("2024-09-20T00:00:00Z"));    // game
 * }</pre>
 */
public final class ProjectHistory {
    private static final ProjectHistory EMPTY = new ProjectHistory(ImmutableListMultimap.of());

    /** A resource's project from an instant on. */
    private record Move(ProjectId project, Instant from) {}

    private final ImmutableListMultimap<ResourceId, Move> moves;

    private ProjectHistory(ImmutableListMultimap<ResourceId, Move> moves) {
        this.moves = moves;
    }

    /** Returns the history that knows no resource, never null. */
    public static ProjectHistory empty() {
        return EMPTY;
    }

    /**
     * Returns this history with {@code resource} owned by {@code project} from {@code from} on.
     *
     * @throws IllegalArgumentException if the resource already moved at {@code from}
     */
    public ProjectHistory moved(ResourceId resource, ProjectId project, Instant from) {
        requireNonNull(resource, "resource");
        requireNonNull(project, "project");
        requireNonNull(from, "from");
        List<Move> list = new ArrayList<>(moves.get(resource));
        checkArgument(
                list.stream().noneMatch(m -> m.from().equals(from)),
                "resource %s already moves project at %s",
                resource,
                from);
        list.add(new Move(project, from));
        list.sort(Comparator.comparing(Move::from));
        ImmutableListMultimap.Builder<ResourceId, Move> b = ImmutableListMultimap.builder();
        moves.asMap().forEach((r, ms) -> {
            if (!r.equals(resource)) {
                b.putAll(r, ms);
            }
        });
        b.putAll(resource, list);
        return new ProjectHistory(b.build());
    }

    /** Returns the resources the history knows, never null. */
    public ImmutableSet<ResourceId> resources() {
        return moves.keySet();
    }

    /**
     * Returns the moves of {@code resource}: each instant it moved and the project it moved to, in time order;
     * empty when the history does not know it (for storing the history, DAILY-4).
     */
    public ImmutableSortedMap<Instant, ProjectId> movesOf(ResourceId resource) {
        ImmutableSortedMap.Builder<Instant, ProjectId> b = ImmutableSortedMap.naturalOrder();
        for (Move m : moves.get(requireNonNull(resource, "resource"))) {
            b.put(m.from(), m.project());
        }
        return b.build();
    }

    /** Returns the project owning {@code resource} at {@code instant}; empty when the history does not say. */
    public Optional<ProjectId> projectAt(ResourceId resource, Instant instant) {
        requireNonNull(instant, "instant");
        ProjectId found = null;
        for (Move m : moves.get(resource)) {
            if (m.from().isAfter(instant)) {
                break;
            }
            found = m.project();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ProjectHistory other && moves.equals(other.moves);
    }

    @Override
    public int hashCode() {
        return moves.hashCode();
    }

    @Override
    public String toString() {
        return "ProjectHistory" + moves;
    }
}
