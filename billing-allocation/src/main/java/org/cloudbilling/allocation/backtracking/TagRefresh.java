package org.cloudbilling.allocation.backtracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;

/**
 * The tag history as tag backtracking sees it (BACK-6): a resource's current tags apply to every past month;
 * a tag since unbound, and every tag of a resource since terminated, keep the values they had then.
 */
final class TagRefresh {
    private static final Instant ALWAYS = Instant.EPOCH;

    private TagRefresh() {}

    static TagBindings refresh(TagBindings history, Iterable<ResourceId> resources, Instant now) {
        List<TagBinding> out = new ArrayList<>();
        for (ResourceId resource : resources) {
            Map<TagKey, String> current = history.tagsAt(resource, now);
            for (TagBinding b : history.bindingsOf(resource)) {
                if (!current.containsKey(b.tag().key())) {
                    out.add(b); // unbound since, or the resource is gone: keep what it was
                }
            }
            current.forEach((k, v) -> out.add(TagBinding.of(resource, Tag.of(k, v), ALWAYS)));
        }
        return TagBindings.of(out);
    }
}
