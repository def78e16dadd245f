package org.cloudbilling.reseller.json;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.daily.StateJson;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.organization.CreditPolicy;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.FundLedger;
import org.cloudbilling.reseller.organization.FundMovement;
import org.cloudbilling.reseller.organization.Membership;
import org.cloudbilling.reseller.organization.MovementId;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.cloudbilling.reseller.organization.Permission;

/**
 * Organizations and fund ledgers as versioned JSON with a revision (DAILY-4), documents of {@link StateJson}:
 *
 * <ul>
 *   <li>{@code cloudbilling.organization}: {@code {"groupAdmin", "mode", "entities": [{"id", "admin",
 *       "verifiedName"}], "memberships": [{"member", "entity", "from", "until"?}], "modeChanges": [{"entity",
 *       "from", "mode"}], "grants": [{"account", "permissions": {"VIEW_BILLS": instant, ...}}]}};
 *   <li>{@code cloudbilling.fund-ledger}: {@code {"currency", "creditPolicy": {"name", "limits": [{"account",
 *       "limit"}]}, "movements": [{"id", "at", "kind", "from"?, "to"?, "amount"}]}}, movements in the order
 *       recorded.
 * </ul>
 *
 * <p>Change a state with {@link StateDocument#apply} (a fund movement with {@code l -> l.apply(org,
 * movement).value()}, say): a change made on a stale revision is refused. Refusals name the file, JSON path, line
 * and column.
 */
public final class OrganizationStateJson {
    private OrganizationStateJson() {}

    record EntityData(String id, OwnerUin admin, String verifiedName) {}

    record MembershipData(OwnerUin member, String entity, Instant from, Optional<Instant> until) {}

    record ModeChangeData(String entity, Instant from, PaymentMode mode) {}

    record GrantData(OwnerUin account, Map<Permission, Instant> permissions) {}

    record OrganizationData(
            OwnerUin groupAdmin,
            PaymentMode mode,
            List<EntityData> entities,
            List<MembershipData> memberships,
            List<ModeChangeData> modeChanges,
            List<GrantData> grants) {}

    /** The form of an organization: entities, memberships, payment modes and permission grants. */
    public static final StateJson.Form<Organization, ?> ORGANIZATION = new StateJson.Form<>(
            "cloudbilling.organization",
            "organization",
            1,
            OrganizationData.class,
            OrganizationStateJson::toData,
            OrganizationStateJson::organization);

    private static OrganizationData toData(Organization o) {
        List<EntityData> entities = new ArrayList<>();
        o.entities().values().forEach(e -> entities.add(new EntityData(e.id().value(), e.admin(), e.verifiedName())));
        List<MembershipData> memberships = new ArrayList<>();
        o.memberships()
                .forEach(m -> memberships.add(new MembershipData(
                        m.member(),
                        m.entity().value(),
                        m.tenure().from(),
                        m.tenure().until())));
        List<ModeChangeData> changes = new ArrayList<>();
        o.modeChanges().forEach(c -> changes.add(new ModeChangeData(c.entity().value(), c.from(), c.mode())));
        List<GrantData> grants = new ArrayList<>();
        o.grants().forEach((a, p) -> grants.add(new GrantData(a, new LinkedHashMap<>(p))));
        return new OrganizationData(o.groupAdmin(), o.mode(), entities, memberships, changes, grants);
    }

    private static Organization organization(OrganizationData d) {
        Organization.Builder b = Organization.builder(d.groupAdmin(), d.mode());
        d.entities().forEach(e -> b.entity(new Entity(EntityId.of(e.id()), e.admin(), e.verifiedName())));
        d.memberships()
                .forEach(m -> b.membership(new Membership(
                        m.member(),
                        EntityId.of(m.entity()),
                        m.until().isEmpty()
                                ? Tenure.since(m.from())
                                : Tenure.between(m.from(), m.until().get()))));
        d.modeChanges().forEach(c -> b.paymentMode(EntityId.of(c.entity()), c.from(), c.mode()));
        java.util.Set<OwnerUin> seen = new java.util.HashSet<>();
        for (GrantData g : d.grants()) {
            if (!seen.add(g.account())) {
                throw new IllegalArgumentException("grants: account " + g.account() + " appears twice");
            }
            g.permissions().forEach((p, from) -> b.grant(g.account(), from, p));
        }
        return b.build();
    }

    record LimitData(OwnerUin account, Money limit) {}

    record PolicyData(String name, List<LimitData> limits) {}

    record MovementData(
            String id,
            Instant at,
            FundMovement.Kind kind,
            Optional<OwnerUin> from,
            Optional<OwnerUin> to,
            Money amount) {}

    record LedgerData(String currency, PolicyData creditPolicy, List<MovementData> movements) {}

    /** The form of a fund ledger: its currency, credit policy and movements. */
    public static final StateJson.Form<FundLedger, ?> FUNDS = new StateJson.Form<>(
            "cloudbilling.fund-ledger",
            "fund ledger",
            1,
            LedgerData.class,
            OrganizationStateJson::toData,
            OrganizationStateJson::ledger);

    private static LedgerData toData(FundLedger l) {
        List<LimitData> limits = new ArrayList<>();
        l.creditPolicy().limits().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                .forEach(e -> limits.add(new LimitData(e.getKey(), e.getValue())));
        List<MovementData> movements = new ArrayList<>();
        for (FundMovement m : l.movements()) {
            movements.add(new MovementData(m.id().value(), m.at(), m.kind(), m.from(), m.to(), m.amount()));
        }
        return new LedgerData(
                l.currency().getCurrencyCode(), new PolicyData(l.creditPolicy().name(), limits), movements);
    }

    private static FundLedger ledger(LedgerData d) {
        Currency currency = Currency.getInstance(d.currency());
        Map<OwnerUin, Money> limits = new LinkedHashMap<>();
        for (LimitData x : d.creditPolicy().limits()) {
            if (limits.put(x.account(), x.limit()) != null) {
                throw new IllegalArgumentException("creditPolicy.limits: account " + x.account() + " appears twice");
            }
        }
        List<FundMovement> movements = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < d.movements().size(); i++) {
            MovementData m = d.movements().get(i);
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("movements[" + i + "]: movement " + m.id() + " appears twice");
            }
            if (!m.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("movements[" + i + "]: movement " + m.id() + " is in "
                        + m.amount().currency() + ", the ledger in " + currency);
            }
            movements.add(new FundMovement(MovementId.of(m.id()), m.at(), m.kind(), m.from(), m.to(), m.amount()));
        }
        return new FundLedger(currency, CreditPolicy.of(d.creditPolicy().name(), limits), movements);
    }

    /**
     * Writes {@code document} in {@code form} to {@code out}; flushes {@code out} and leaves it open.
     *
     * @param form {@link #ORGANIZATION} or {@link #FUNDS}, not null
     * @param document the state and its revision, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static <T> void write(StateJson.Form<T, ?> form, StateDocument<T> document, Writer out) {
        StateJson.write(form, document, out);
    }

    /**
     * Reads a document in {@code form} from {@code in}, then closes {@code in}.
     *
     * @param form {@link #ORGANIZATION} or {@link #FUNDS}, not null
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the state and its revision, equal to what was written, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason
     * @throws UncheckedIOException if {@code in} fails
     */
    public static <T> StateDocument<T> read(StateJson.Form<T, ?> form, Reader in, String source) {
        return StateJson.read(form, in, source);
    }
}
