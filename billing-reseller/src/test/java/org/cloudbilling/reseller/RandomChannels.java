package org.cloudbilling.reseller;

import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.channel.Channel;

/** Random binding histories over the owners of generated items, from a seed. */
public final class RandomChannels {
    private static final Instant FROM = Instant.parse("2022-12-01T00:00:00Z");
    private static final long SPAN_SECONDS = 4L * 366 * 24 * 3600;

    private RandomChannels() {}

    /**
     * A channel where each owner of {@code items} is bound to R1 or R2, or moves between them and direct, at random
     * whole hours from 2023 to 2026.
     */
    public static Channel channel(List<LineItem> items, long seed) {
        Random random = new Random(seed);
        Channel channel = Fixtures.channel();
        for (OwnerUin owner :
                items.stream().map(LineItem::ownerUin).distinct().sorted().toList()) {
            int moves = random.nextInt(4);
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < moves * 2; i++) {
                times.add(FROM.plusSeconds((random.nextLong(SPAN_SECONDS) / 3600) * 3600));
            }
            times = times.stream().distinct().sorted().toList();
            for (int i = 0; i + 1 < times.size(); i += 2) {
                channel = channel.bound(owner, random.nextBoolean() ? R1 : R2, times.get(i))
                        .unbound(owner, times.get(i + 1));
            }
        }
        return channel;
    }

    /** {@code items} with the first of each repeated id only. */
    public static List<LineItem> uniqueIds(List<LineItem> items) {
        Map<LineItemId, LineItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.putIfAbsent(i.id(), i));
        return List.copyOf(byId.values());
    }
}
