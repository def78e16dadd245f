package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.channel.PayOnBehalf;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;

/**
 * A corporate group on the cloud: a group admin account, an admin account per entity, member accounts over time,
 * a payment mode, and the financial permissions each account holds (ORG-1 to ORG-5).
 *
 * <pre>{@code
 * Organization org = Organization.builder(GROUP_ADMIN, PaymentMode.UNIFIED)
 *         .entity(new Entity(EntityId.of("hq"), GROUP_ADMIN, "Example Group Ltd"))
 *         .entity(new Entity(EntityId.of("sub"), SUB_ADMIN, "Example Sub Ltd"))
 *         .grant(GROUP_ADMIN, Permission.ALLOCATE_FUNDS, Permission.CONSOLIDATED_BILLING)
 *         .build();
 * org = org.join(application, channel, Instant.parse("2024-09-10T00:00:00Z")).state();
 * }</pre>
 *
 * <p><b>Scope of an account.</b> The group admin acts on every account of the organization; an entity admin on
 * the members of its entity; a member on itself and, with a permission, on the other members of its entity.
 * Acting on another account needs the operation's permission (ORG-4); viewing one's own bills and balance
 * does not.
 *
 * <p><b>Paying on behalf (ATTR-4, ORG-1, ORG-3, ORG-8).</b> The payment mode is set per entity and may change
 * over time ({@link #modeOf}); the organization's mode is each entity's initial one. A postpaid fee whose fee
 * cycle lies wholly within a membership, while the member's entity pays on behalf ({@link PaymentMode#UNIFIED})
 * throughout that cycle, or a prepaid fee whose order was placed during a membership while the entity paid on
 * behalf, is paid by the member's entity admin; any other fee of an account that is or was a member stays with
 * the member (also when its data arrives late, and when its entity is self-paying). Accounts that never were
 * members keep the payer their items report.
 *
 * <p>Instances are immutable; {@link #join}, {@link #left} and {@link #withPaymentMode} return new organizations.
 */
public final class Organization implements PayOnBehalf {
    private final OwnerUin groupAdmin;
    private final PaymentMode mode;
    private final ImmutableMap<EntityId, Entity> entities;
    private final ImmutableList<Membership> memberships;
    private final ImmutableList<ModeChange> modeChanges;
    private final ImmutableMap<OwnerUin, ImmutableMap<Permission, Instant>> grants;

    private Organization(
            OwnerUin groupAdmin,
            PaymentMode mode,
            ImmutableMap<EntityId, Entity> entities,
            ImmutableList<Membership> memberships,
            ImmutableList<ModeChange> modeChanges,
            ImmutableMap<OwnerUin, ImmutableMap<Permission, Instant>> grants) {
        this.groupAdmin = groupAdmin;
        this.mode = mode;
        this.entities = entities;
        this.memberships = memberships;
        this.modeChanges = modeChanges;
        this.grants = grants;
    }

    /**
     * A change of an entity's payment mode, effective from an instant (ORG-8).
     *
     * @param entity the entity, not null
     * @param from the first instant the mode holds, not null
     * @param mode the entity's payment mode from then on, not null
     */
    public record ModeChange(EntityId entity, Instant from, PaymentMode mode) {
        public ModeChange {
            requireNonNull(entity, "entity");
            requireNonNull(from, "from");
            requireNonNull(mode, "mode");
        }
    }

    /** Returns a builder of an organization of {@code groupAdmin} in payment mode {@code mode}. */
    public static Builder builder(OwnerUin groupAdmin, PaymentMode mode) {
        return new Builder(requireNonNull(groupAdmin, "groupAdmin"), requireNonNull(mode, "mode"));
    }

    /** Collects entities, memberships and grants; {@link #build()} checks them. */
    public static final class Builder {
        private final OwnerUin groupAdmin;
        private final PaymentMode mode;
        private final Map<EntityId, Entity> entities = new LinkedHashMap<>();
        private final List<Membership> memberships = new ArrayList<>();
        private final List<ModeChange> modeChanges = new ArrayList<>();
        private final Map<OwnerUin, Map<Permission, Instant>> grants = new LinkedHashMap<>();

        private Builder(OwnerUin groupAdmin, PaymentMode mode) {
            this.groupAdmin = groupAdmin;
            this.mode = mode;
        }

        /** Adds an entity. */
        public Builder entity(Entity entity) {
            checkArgument(entities.put(entity.id(), entity) == null, "entity %s is added twice", entity.id());
            return this;
        }

        /** Adds a membership, as recorded in the past; new members join through {@link Organization#join}. */
        public Builder membership(Membership membership) {
            memberships.add(requireNonNull(membership, "membership"));
            return this;
        }

        /** Grants {@code account} the permissions for all time. */
        public Builder grant(OwnerUin account, Permission... permissions) {
            return grant(account, Instant.MIN, permissions);
        }

        /**
         * Grants {@code account} the permissions from {@code from} on (ORG-11: a discount inheritance applies
         * from the instant it is granted; pass the start of the day in the provider's zone).
         */
        public Builder grant(OwnerUin account, Instant from, Permission... permissions) {
            requireNonNull(account, "account");
            requireNonNull(from, "from");
            Map<Permission, Instant> held = grants.computeIfAbsent(account, a -> new EnumMap<>(Permission.class));
            for (Permission p : permissions) {
                held.merge(requireNonNull(p, "permission"), from, (a, b) -> a.isBefore(b) ? a : b);
            }
            return this;
        }

        /**
         * Sets {@code entity}'s payment mode from {@code from} on (ORG-8); before its first change an entity
         * has the organization's initial mode.
         */
        public Builder paymentMode(EntityId entity, Instant from, PaymentMode mode) {
            modeChanges.add(new ModeChange(entity, from, mode));
            return this;
        }

        /**
         * Returns the organization.
         *
         * @throws IllegalArgumentException if a membership or mode change names an unknown entity, two
         *     memberships of one account overlap, or one entity has two mode changes at the same instant
         */
        public Organization build() {
            ImmutableMap.Builder<OwnerUin, ImmutableMap<Permission, Instant>> g = ImmutableMap.builder();
            grants.forEach((a, p) -> g.put(a, Maps.immutableEnumMap(p)));
            return of(groupAdmin, mode, ImmutableMap.copyOf(entities), memberships, modeChanges, g.build());
        }
    }

    private static Organization of(
            OwnerUin groupAdmin,
            PaymentMode mode,
            ImmutableMap<EntityId, Entity> entities,
            List<Membership> memberships,
            List<ModeChange> modeChanges,
            ImmutableMap<OwnerUin, ImmutableMap<Permission, Instant>> grants) {
        for (int i = 0; i < modeChanges.size(); i++) {
            ModeChange c = modeChanges.get(i);
            checkArgument(
                    entities.containsKey(c.entity()),
                    "payment mode change at %s names entity %s, which is not an entity of the organization",
                    c.from(),
                    c.entity());
            for (int j = 0; j < i; j++) {
                ModeChange other = modeChanges.get(j);
                checkArgument(
                        !other.entity().equals(c.entity()) || !other.from().equals(c.from()),
                        "entity %s has two payment mode changes at %s",
                        c.entity(),
                        c.from());
            }
        }
        List<ModeChange> sorted = new ArrayList<>(modeChanges);
        sorted.sort(Comparator.comparing(ModeChange::from));
        for (int i = 0; i < memberships.size(); i++) {
            Membership m = memberships.get(i);
            checkArgument(
                    entities.containsKey(m.entity()),
                    "member %s belongs to entity %s, which is not an entity of the organization",
                    m.member(),
                    m.entity());
            for (int j = 0; j < i; j++) {
                Membership other = memberships.get(j);
                checkArgument(
                        !other.member().equals(m.member()) || !other.tenure().overlaps(m.tenure()),
                        "member %s has overlapping memberships %s and %s",
                        m.member(),
                        other.tenure(),
                        m.tenure());
            }
        }
        return new Organization(
                groupAdmin, mode, entities, ImmutableList.copyOf(memberships), ImmutableList.copyOf(sorted), grants);
    }

    /** Returns the group admin account, never null. */
    public OwnerUin groupAdmin() {
        return groupAdmin;
    }

    /** Returns the initial payment mode: every entity's mode before its first {@link ModeChange}, never null. */
    public PaymentMode mode() {
        return mode;
    }

    /** Returns every payment mode change, oldest first, never null (ORG-8). */
    public ImmutableList<ModeChange> modeChanges() {
        return modeChanges;
    }

    /**
     * Returns {@code entity}'s payment mode at {@code at} (ORG-8): its latest change at or before {@code at},
     * else the initial mode.
     *
     * @throws IllegalArgumentException if {@code entity} is not an entity of the organization
     */
    public PaymentMode modeOf(EntityId entity, Instant at) {
        requireNonNull(at, "at");
        checkArgument(entities.containsKey(entity), "entity %s is not an entity of the organization", entity);
        PaymentMode current = mode;
        for (ModeChange c : modeChanges) {
            if (c.entity().equals(entity) && !c.from().isAfter(at)) {
                current = c.mode();
            }
        }
        return current;
    }

    /**
     * Returns whether {@code entity} pays on behalf of its members during the whole of {@code interval}: its
     * mode is {@link PaymentMode#UNIFIED} at the start and no change within the interval ends that (ORG-8).
     */
    public boolean paysOnBehalfThroughout(EntityId entity, Interval interval) {
        if (modeOf(entity, interval.start()) != PaymentMode.UNIFIED) {
            return false;
        }
        return modeChanges.stream()
                .noneMatch(c -> c.entity().equals(entity)
                        && c.from().isAfter(interval.start())
                        && c.from().isBefore(interval.end())
                        && c.mode() != PaymentMode.UNIFIED);
    }

    /**
     * Returns this organization with {@code entity}'s payment mode {@code mode} from {@code from} on (ORG-8).
     *
     * @throws IllegalArgumentException if the entity is unknown or already has a change at {@code from}
     */
    public Organization withPaymentMode(EntityId entity, Instant from, PaymentMode mode) {
        List<ModeChange> next = new ArrayList<>(modeChanges);
        next.add(new ModeChange(entity, from, mode));
        return of(groupAdmin, this.mode, entities, memberships, next, grants);
    }

    /**
     * Returns each account's granted permissions with the instant each holds from ({@link Instant#MIN} for a grant
     * without a start), for storing the organization (DAILY-4), never null.
     */
    public ImmutableMap<OwnerUin, ImmutableMap<Permission, Instant>> grants() {
        return grants;
    }

    /** Returns the entities, never null. */
    public ImmutableMap<EntityId, Entity> entities() {
        return entities;
    }

    /** Returns every membership, past and present, never null. */
    public ImmutableList<Membership> memberships() {
        return memberships;
    }

    /** Returns the membership of {@code account} that holds at {@code at}, if any. */
    public Optional<Membership> membershipAt(OwnerUin account, Instant at) {
        requireNonNull(at, "at");
        return memberships.stream()
                .filter(m -> m.member().equals(account) && m.tenure().contains(at))
                .findFirst();
    }

    /** Returns the entity {@code account} belongs to at {@code at}, as a member or as its admin. */
    public Optional<EntityId> entityOf(OwnerUin account, Instant at) {
        Optional<EntityId> admin = entities.values().stream()
                .filter(e -> e.admin().equals(account))
                .map(Entity::id)
                .findFirst();
        return admin.or(() -> membershipAt(account, at).map(Membership::entity));
    }

    /** Returns whether {@code account} is the group admin or an entity admin. */
    public boolean isAdmin(OwnerUin account) {
        return account.equals(groupAdmin)
                || entities.values().stream().anyMatch(e -> e.admin().equals(account));
    }

    /** Returns whether {@code account} holds {@code permission} at some time. */
    public boolean holds(OwnerUin account, Permission permission) {
        return grants.getOrDefault(account, ImmutableMap.of()).containsKey(permission);
    }

    /** Returns whether {@code account} holds {@code permission} at {@code at}: it was granted at or before then. */
    public boolean holdsAt(OwnerUin account, Permission permission, Instant at) {
        requireNonNull(at, "at");
        Instant from = grants.getOrDefault(account, ImmutableMap.of()).get(permission);
        return from != null && !from.isAfter(at);
    }

    /** Returns since when {@code account} holds {@code permission}, if it does. */
    public Optional<Instant> grantedFrom(OwnerUin account, Permission permission) {
        return Optional.ofNullable(
                grants.getOrDefault(account, ImmutableMap.of()).get(permission));
    }

    /**
     * Returns whether {@code actor} may perform the operation needing {@code permission} on {@code target}'s
     * account at {@code at} (ORG-4); see the class description for scopes.
     */
    public boolean permits(OwnerUin actor, Permission permission, OwnerUin target, Instant at) {
        requireNonNull(permission, "permission");
        if (actor.equals(target) && (permission == Permission.VIEW_BILLS || permission == Permission.VIEW_BALANCE)) {
            return true;
        }
        return holdsAt(actor, permission, at) && inScope(actor, target, at);
    }

    /**
     * Returns the refusal of an operation {@code permits} does not allow, or empty when it is allowed.
     */
    public Optional<Refusal> check(OwnerUin actor, Permission permission, OwnerUin target, Instant at) {
        if (permits(actor, permission, target, at)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                Refusal.Reason.PERMISSION_MISSING, actor + " may not " + permission + " for " + target + " at " + at));
    }

    private boolean inScope(OwnerUin actor, OwnerUin target, Instant at) {
        Optional<EntityId> targetEntity = entityOf(target, at);
        if (targetEntity.isEmpty()) {
            return false;
        }
        if (actor.equals(groupAdmin)) {
            return true;
        }
        return entityOf(actor, at).equals(targetEntity);
    }

    /**
     * Returns whether {@code member} inherits the group admin's contract discount at {@code at} (ORG-2, ORG-11): it
     * is a member then, of an entity registered to the same verified entity as the group admin's, and holds
     * {@link Permission#DISCOUNT_INHERITANCE} then (at that instant). {@link DiscountInheritance} prices bills, applying
     * the discount from the start of the day of the grant in the calendar's zone.
     */
    public boolean inheritsContractDiscount(OwnerUin member, Instant at) {
        Optional<String> adminName = verifiedNameOf(groupAdmin, at);
        Optional<String> memberName =
                membershipAt(member, at).map(m -> entities.get(m.entity()).verifiedName());
        return holdsAt(member, Permission.DISCOUNT_INHERITANCE, at)
                && memberName.isPresent()
                && memberName.equals(adminName);
    }

    /** Returns the verified entity {@code account} is registered to at {@code at}, as an admin or member. */
    Optional<String> verifiedNameOf(OwnerUin account, Instant at) {
        return entityOf(account, at).map(id -> entities.get(id).verifiedName());
    }

    @Override
    public Optional<PayerUin> payerOf(OwnerUin owner, PayMode payMode, Interval feeCycle, Instant orderTime) {
        requireNonNull(payMode, "payMode");
        boolean everMember = memberships.stream().anyMatch(m -> m.member().equals(owner));
        if (!everMember) {
            return Optional.empty();
        }
        PayerUin self = PayerUin.of(owner.value());
        for (Membership m : memberships) {
            if (!m.member().equals(owner)) {
                continue;
            }
            boolean within = payMode == PayMode.PREPAID
                    ? m.tenure().contains(orderTime) && modeOf(m.entity(), orderTime) == PaymentMode.UNIFIED
                    : m.tenure().covers(feeCycle) && paysOnBehalfThroughout(m.entity(), feeCycle);
            if (within) {
                return Optional.of(PayerUin.of(entities.get(m.entity()).admin().value()));
            }
        }
        return Optional.of(self);
    }

    /**
     * Returns this organization with the applicant a member of its entity from {@code at}, or the refusals
     * (ORG-5). Joining unified payment needs the same verified entity as the entity's admin, a balance of at
     * least zero and no pending orders; in either mode a channel partner or an account bound to one (at
     * {@code at}) cannot join.
     *
     * @param application the applicant and its facts, not null
     * @param channel the reseller channel, to recognise partners and their customers, not null
     * @param at when the applicant joins, not null
     * @return the new organization, or every refusal, never null
     * @throws IllegalArgumentException if the entity is not one of the organization's
     */
    public Outcome<Organization> join(JoinApplication application, Channel channel, Instant at) {
        requireNonNull(channel, "channel");
        requireNonNull(at, "at");
        Entity entity = entities.get(application.entity());
        checkArgument(entity != null, "entity %s is not an entity of the organization", application.entity());
        OwnerUin account = application.account();
        List<Refusal> refusals = new ArrayList<>();
        if (membershipAt(account, at).isPresent()
                || memberships.stream()
                        .anyMatch(m ->
                                m.member().equals(account) && m.tenure().until().isEmpty())) {
            refusals.add(new Refusal(Refusal.Reason.ALREADY_MEMBER, account + " is already a member"));
        }
        if (channel.isPartner(PartnerUin.of(account.value()))
                || channel.partnerAt(account, at).isPresent()) {
            refusals.add(new Refusal(
                    Refusal.Reason.RESELLER_ACCOUNT, account + " is a reseller account or a reseller's customer"));
        }
        if (modeOf(entity.id(), at) == PaymentMode.UNIFIED) {
            if (!application.verifiedName().equals(entity.verifiedName())) {
                refusals.add(new Refusal(
                        Refusal.Reason.DIFFERENT_VERIFIED_ENTITY,
                        account + " is verified as '" + application.verifiedName() + "', the admin of " + entity.id()
                                + " as '" + entity.verifiedName() + "'"));
            }
            if (application.balance().isNegative()) {
                refusals.add(new Refusal(
                        Refusal.Reason.NEGATIVE_BALANCE, account + " has a negative balance " + application.balance()));
            }
            if (application.pendingOrders() > 0) {
                refusals.add(new Refusal(
                        Refusal.Reason.PENDING_ORDERS,
                        account + " has " + application.pendingOrders() + " pending orders"));
            }
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(refusals);
        }
        List<Membership> next = new ArrayList<>(memberships);
        next.add(new Membership(account, entity.id(), Tenure.since(at)));
        return Outcome.accepted(of(groupAdmin, mode, entities, next, modeChanges, grants));
    }

    /**
     * Returns this organization with {@code member}'s current membership ended at {@code at}.
     *
     * @throws IllegalArgumentException if {@code member} has no open membership holding at {@code at}
     */
    public Organization left(OwnerUin member, Instant at) {
        List<Membership> next = new ArrayList<>();
        boolean ended = false;
        for (Membership m : memberships) {
            if (m.member().equals(member)
                    && m.tenure().contains(at)
                    && m.tenure().until().isEmpty()) {
                next.add(new Membership(member, m.entity(), m.tenure().endedAt(at)));
                ended = true;
            } else {
                next.add(m);
            }
        }
        checkArgument(ended, "%s has no open membership at %s", member, at);
        return of(groupAdmin, mode, entities, next, modeChanges, grants);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Organization o
                && groupAdmin.equals(o.groupAdmin)
                && mode == o.mode
                && entities.equals(o.entities)
                && memberships.equals(o.memberships)
                && modeChanges.equals(o.modeChanges)
                && grants.equals(o.grants);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(groupAdmin, mode, entities, memberships, modeChanges, grants);
    }

    @Override
    public String toString() {
        return "Organization[admin=" + groupAdmin + ", mode=" + mode + ", entities=" + entities.keySet()
                + ", memberships=" + memberships.size() + "]";
    }
}
