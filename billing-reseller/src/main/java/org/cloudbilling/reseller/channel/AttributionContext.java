package org.cloudbilling.reseller.channel;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * What attribution needs besides the items: the calendar, the channel's binding history, who pays on behalf of
 * whom, the project history, and the placement times of orders where the caller knows them.
 *
 * <pre>{@code
 * AttributionContext context = AttributionContext.of(BillingCalendar.TENCENT, channel)
 *         .withPayOnBehalf(organization)
 *         .withProjects(projects);
 * }</pre>
 *
 * @param calendar the provider's calendar (zone of billing time), not null
 * @param channel the channel and binding history, not null
 * @param payOnBehalf the organization paying on behalf of members, or {@link PayOnBehalf#NONE}; not null
 * @param projects the project history of resources (ATTR-5), not null
 * @param orderTimes when each order was placed, where known (ATTR-1), not null
 */
public record AttributionContext(
        BillingCalendar calendar,
        Channel channel,
        PayOnBehalf payOnBehalf,
        ProjectHistory projects,
        Map<OrderId, Instant> orderTimes) {

    public AttributionContext {
        requireNonNull(calendar, "calendar");
        requireNonNull(channel, "channel");
        requireNonNull(payOnBehalf, "payOnBehalf");
        requireNonNull(projects, "projects");
        orderTimes = ImmutableMap.copyOf(orderTimes);
    }

    /** Returns a context with nobody paying on behalf, no project history and no order times. */
    public static AttributionContext of(BillingCalendar calendar, Channel channel) {
        return new AttributionContext(calendar, channel, PayOnBehalf.NONE, ProjectHistory.empty(), Map.of());
    }

    /** Returns this context with {@code payOnBehalf}. */
    public AttributionContext withPayOnBehalf(PayOnBehalf payOnBehalf) {
        return new AttributionContext(calendar, channel, payOnBehalf, projects, orderTimes);
    }

    /** Returns this context with {@code projects}. */
    public AttributionContext withProjects(ProjectHistory projects) {
        return new AttributionContext(calendar, channel, payOnBehalf, projects, orderTimes);
    }

    /** Returns this context with {@code orderTimes}. */
    public AttributionContext withOrderTimes(Map<OrderId, Instant> orderTimes) {
        return new AttributionContext(calendar, channel, payOnBehalf, projects, orderTimes);
    }
}
