package org.cloudbilling.reseller.channel;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.Interval;

/**
 * The channel of a provider: its distributors, their second-level resellers, and the history of which end
 * customer was bound to which partner when (RES-1). A customer outside every binding is a direct customer.
 *
 * <pre>{@code
 * Channel channel = Channel.builder()
 *         .distributor(DIST)
 *         .reseller(RESELLER_1, DIST)
 *         .build()
 *         .bound(CUSTOMER, RESELLER_1, Instant.parse("2024-09-01T00:00:00+08:00"))
 *         .unbound(CUSTOMER, Instant.parse("2024-09-17T10:00:00+08:00"));
 * channel.partnerAt(CUSTOMER, Instant.parse("2024-09-18T00:00:00Z"));    // empty: a direct customer again
 * }</pre>
 *
 * <p>A customer has at most one binding at any instant. Instances are immutable; {@link #bound} and
 * {@link #unbound} return new channels.
 */
public final class Channel {
    /** Each partner with its distributor; empty for distributors. */
    private final ImmutableMap<PartnerUin, Optional<PartnerUin>> partners;

    private final ImmutableListMultimap<OwnerUin, Binding> bindings;

    private Channel(
            ImmutableMap<PartnerUin, Optional<PartnerUin>> partners,
            ImmutableListMultimap<OwnerUin, Binding> bindings) {
        this.partners = partners;
        this.bindings = bindings;
    }

    /**
     * Returns each partner with its distributor, empty for a distributor, in the order added: distributors before
     * their resellers (for storing the channel, DAILY-4).
     */
    public ImmutableMap<PartnerUin, Optional<PartnerUin>> partners() {
        return partners;
    }

    /** Returns a builder of channels. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects partners and bindings; {@link #build()} checks them. */
    public static final class Builder {
        private final Map<PartnerUin, Optional<PartnerUin>> partners = new LinkedHashMap<>();
        private final List<Binding> bindings = new ArrayList<>();

        private Builder() {}

        /** Adds a distributor. */
        public Builder distributor(PartnerUin distributor) {
            requireNonNull(distributor, "distributor");
            checkArgument(!partners.containsKey(distributor), "partner %s is added twice", distributor);
            partners.put(distributor, Optional.empty());
            return this;
        }

        /** Adds a second-level reseller under {@code distributor}, which must be added first. */
        public Builder reseller(PartnerUin reseller, PartnerUin distributor) {
            requireNonNull(reseller, "reseller");
            requireNonNull(distributor, "distributor");
            checkArgument(!partners.containsKey(reseller), "partner %s is added twice", reseller);
            checkArgument(
                    partners.containsKey(distributor)
                            && partners.get(distributor).isEmpty(),
                    "reseller %s names %s as its distributor, which is not a distributor of this channel",
                    reseller,
                    distributor);
            partners.put(reseller, Optional.of(distributor));
            return this;
        }

        /** Adds a binding. */
        public Builder binding(Binding binding) {
            bindings.add(requireNonNull(binding, "binding"));
            return this;
        }

        /**
         * Returns the channel.
         *
         * @throws IllegalArgumentException if a binding names an unknown partner or two bindings of one
         *     customer overlap
         */
        public Channel build() {
            return Channel.of(ImmutableMap.copyOf(partners), bindings);
        }
    }

    private static Channel of(ImmutableMap<PartnerUin, Optional<PartnerUin>> partners, List<Binding> all) {
        List<Binding> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Binding b) -> b.customer())
                .thenComparing(b -> b.tenure().from()));
        ImmutableListMultimap.Builder<OwnerUin, Binding> byCustomer = ImmutableListMultimap.builder();
        Binding previous = null;
        for (Binding b : sorted) {
            checkArgument(
                    partners.containsKey(b.partner()),
                    "customer %s is bound to %s, which is not a partner of this channel",
                    b.customer(),
                    b.partner());
            checkArgument(
                    previous == null
                            || !previous.customer().equals(b.customer())
                            || !previous.tenure().overlaps(b.tenure()),
                    "customer %s has overlapping bindings %s and %s",
                    b.customer(),
                    previous == null ? null : previous.tenure(),
                    b.tenure());
            byCustomer.put(b.customer(), b);
            previous = b;
        }
        return new Channel(partners, byCustomer.build());
    }

    /**
     * Returns this channel with {@code customer} bound to {@code partner} from {@code at}, open-ended.
     *
     * @throws IllegalArgumentException if the partner is unknown or the customer is bound at or after {@code at}
     */
    public Channel bound(OwnerUin customer, PartnerUin partner, Instant at) {
        List<Binding> all = new ArrayList<>(bindings.values());
        all.add(new Binding(customer, partner, Tenure.since(at)));
        return of(partners, all);
    }

    /**
     * Returns this channel with the binding of {@code customer} that holds at {@code at} ended there: from then on
     * the customer is a direct customer.
     *
     * @throws IllegalArgumentException if no open binding of the customer holds at {@code at}
     */
    public Channel unbound(OwnerUin customer, Instant at) {
        requireNonNull(at, "at");
        List<Binding> all = new ArrayList<>();
        boolean ended = false;
        for (Binding b : bindings.values()) {
            if (b.customer().equals(customer)
                    && b.tenure().contains(at)
                    && b.tenure().until().isEmpty()) {
                all.add(new Binding(customer, b.partner(), b.tenure().endedAt(at)));
                ended = true;
            } else {
                all.add(b);
            }
        }
        checkArgument(ended, "customer %s has no open binding at %s", customer, at);
        return of(partners, all);
    }

    /** Returns whether {@code partner} is a distributor or reseller of this channel. */
    public boolean isPartner(PartnerUin partner) {
        return partners.containsKey(partner);
    }

    /**
     * Returns the role of {@code partner}.
     *
     * @throws IllegalArgumentException if it is not a partner of this channel
     */
    public PartnerRole roleOf(PartnerUin partner) {
        return distributorEntry(partner).isPresent() ? PartnerRole.RESELLER : PartnerRole.DISTRIBUTOR;
    }

    /**
     * Returns the distributor of a second-level reseller, or empty for a distributor.
     *
     * @throws IllegalArgumentException if {@code partner} is not a partner of this channel
     */
    public Optional<PartnerUin> distributorOf(PartnerUin partner) {
        return distributorEntry(partner);
    }

    private Optional<PartnerUin> distributorEntry(PartnerUin partner) {
        requireNonNull(partner, "partner");
        Optional<PartnerUin> d = partners.get(partner);
        checkArgument(d != null, "%s is not a partner of this channel", partner);
        return d;
    }

    /** Returns the second-level resellers under {@code distributor}, in order, never null. */
    public ImmutableSortedSet<PartnerUin> resellersOf(PartnerUin distributor) {
        checkArgument(
                roleOf(distributor) == PartnerRole.DISTRIBUTOR, "%s is a reseller, not a distributor", distributor);
        ImmutableSortedSet.Builder<PartnerUin> out = ImmutableSortedSet.naturalOrder();
        partners.forEach((p, d) -> {
            if (d.equals(Optional.of(distributor))) {
                out.add(p);
            }
        });
        return out.build();
    }

    /** Returns the partner {@code customer} is bound to at {@code instant}; empty when it is a direct customer. */
    public Optional<PartnerUin> partnerAt(OwnerUin customer, Instant instant) {
        requireNonNull(instant, "instant");
        for (Binding b : bindings.get(customer)) {
            if (b.tenure().contains(instant)) {
                return Optional.of(b.partner());
            }
        }
        return Optional.empty();
    }

    /** Returns the bindings of {@code customer}, earliest first, never null. */
    public ImmutableList<Binding> bindingsOf(OwnerUin customer) {
        return bindings.get(customer);
    }

    /** Returns whether {@code customer} has ever been bound to any partner. */
    public boolean hasBindings(OwnerUin customer) {
        return bindings.containsKey(customer);
    }

    /** Returns the customers bound to {@code partner} during some part of {@code interval}, in order. */
    public ImmutableSortedSet<OwnerUin> customersOf(PartnerUin partner, Interval interval) {
        requireNonNull(partner, "partner");
        ImmutableSortedSet.Builder<OwnerUin> out = ImmutableSortedSet.naturalOrder();
        for (Binding b : bindings.values()) {
            if (b.partner().equals(partner) && b.tenure().overlaps(interval)) {
                out.add(b.customer());
            }
        }
        return out.build();
    }

    /** Returns every binding, by customer, never null. */
    public ImmutableList<Binding> bindings() {
        return bindings.values().asList();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Channel other && partners.equals(other.partners) && bindings.equals(other.bindings);
    }

    @Override
    public int hashCode() {
        return partners.hashCode() * 31 + bindings.hashCode();
    }

    @Override
    public String toString() {
        return "Channel[partners=" + partners.keySet() + ", bindings=" + bindings.size() + "]";
    }
}
