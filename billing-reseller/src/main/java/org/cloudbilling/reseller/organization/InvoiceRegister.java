package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;

/**
 * The invoices and notes issued for an organization's accounts (ORG-10). An account's month is invoiced once:
 * the first issue is an {@link Invoice.Kind#INVOICE} covering every charge of the month; a later issue after the
 * charges changed (a charge restated, added or withdrawn) is a credit or debit note of the changes that refers to
 * that invoice; an issue with nothing changed is a replay and returns the register unchanged. So every charge is
 * on at most one invoice, and {@link #invoiceIdOf} gives the document that first covered it (FOCUS InvoiceId).
 *
 * <p>Totals: a document's total is the month's charges settled by the named {@link SettlementPolicy} now, minus
 * the totals of the documents issued for the month before, so a month's invoice and notes add up to its settled
 * charges exactly.
 *
 * <pre>{@code
 * Outcome<InvoiceRegister> o = InvoiceRegister.empty(CNY).issueForMember(
 *         org, BillingCalendar.TENCENT, HQ_ADMIN, M1, BillingMonth.of(2024, 9), now, items, SettlementPolicy.TENCENT, ids);
 * }</pre>
 *
 * @param currency the currency of every document, not null
 * @param documents every invoice and note, in the order issued, not null
 */
public record InvoiceRegister(Currency currency, List<Invoice> documents) {

    public InvoiceRegister {
        requireNonNull(currency, "currency");
        documents = ImmutableList.copyOf(documents);
    }

    /** Returns the register with no documents in {@code currency}. */
    public static InvoiceRegister empty(Currency currency) {
        return new InvoiceRegister(currency, List.of());
    }

    /** Returns the id of the document that first covered {@code charge}, if any (FOCUS InvoiceId). */
    public Optional<InvoiceId> invoiceIdOf(LineItemId charge) {
        requireNonNull(charge, "charge");
        for (Invoice d : documents) {
            for (Invoice.Line line : d.lines()) {
                if (line.charge().equals(charge)) {
                    return Optional.of(d.id());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns, for every charge a document covers, the id of the document that first covered it (FOCUS InvoiceId),
     * in the order the documents were issued; never null.
     */
    public ImmutableMap<LineItemId, InvoiceId> invoiceIds() {
        Map<LineItemId, InvoiceId> ids = new LinkedHashMap<>();
        for (Invoice d : documents) {
            for (Invoice.Line line : d.lines()) {
                ids.putIfAbsent(line.charge(), d.id());
            }
        }
        return ImmutableMap.copyOf(ids);
    }

    /** Returns the documents of {@code account}'s {@code month}, the invoice first, never null. */
    public ImmutableList<Invoice> documentsOf(OwnerUin account, BillingMonth month) {
        return documents.stream()
                .filter(d -> d.account().equals(account) && d.month().equals(month))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * Issues {@code member}'s invoice (or a note) for {@code month}: its charges whose fee cycle starts in the month.
     *
     * @param organization the organization, for scopes and permissions, not null
     * @param calendar the provider's calendar: the month of a fee cycle, and when the month is issued, not null
     * @param actor who issues; needs {@link Permission#INVOICE} over the member for every charge, not null
     * @param member whose month, not null
     * @param month the month, not null
     * @param at when it is issued; the month's bill must be issued (final) then, not null
     * @param charges line items of any accounts and months, not null
     * @param policy the settlement policy of the totals, not null
     * @param ids the host's source of invoice ids, not null
     * @return the register with the new document, this register for a replay, or the refusal naming the account,
     *     the month and why, never null
     */
    public Outcome<InvoiceRegister> issueForMember(
            Organization organization,
            BillingCalendar calendar,
            OwnerUin actor,
            OwnerUin member,
            BillingMonth month,
            Instant at,
            Iterable<LineItem> charges,
            SettlementPolicy policy,
            InvoiceIdGenerator ids) {
        requireNonNull(member, "member");
        return issue(
                organization,
                calendar,
                actor,
                member,
                Optional.empty(),
                item -> item.ownerUin().equals(member),
                month,
                at,
                charges,
                policy,
                ids);
    }

    /**
     * Issues {@code entity}'s invoice (or a note) for {@code month}: the charges of every account belonging to the
     * entity at the start of the charge's fee cycle. The document's account is the entity's admin.
     *
     * @see #issueForMember
     * @throws IllegalArgumentException if the entity is not one of the organization's
     */
    public Outcome<InvoiceRegister> issueForEntity(
            Organization organization,
            BillingCalendar calendar,
            OwnerUin actor,
            EntityId entity,
            BillingMonth month,
            Instant at,
            Iterable<LineItem> charges,
            SettlementPolicy policy,
            InvoiceIdGenerator ids) {
        Entity e = organization.entities().get(requireNonNull(entity, "entity"));
        if (e == null) {
            throw new IllegalArgumentException("entity " + entity + " is not an entity of the organization");
        }
        return issue(
                organization,
                calendar,
                actor,
                e.admin(),
                Optional.of(entity),
                item -> organization
                        .entityOf(item.ownerUin(), item.feePeriod().start())
                        .equals(Optional.of(entity)),
                month,
                at,
                charges,
                policy,
                ids);
    }

    private Outcome<InvoiceRegister> issue(
            Organization organization,
            BillingCalendar calendar,
            OwnerUin actor,
            OwnerUin account,
            Optional<EntityId> entity,
            Predicate<LineItem> covered,
            BillingMonth month,
            Instant at,
            Iterable<LineItem> charges,
            SettlementPolicy policy,
            InvoiceIdGenerator ids) {
        requireNonNull(organization, "organization");
        requireNonNull(calendar, "calendar");
        requireNonNull(actor, "actor");
        requireNonNull(month, "month");
        requireNonNull(at, "at");
        requireNonNull(policy, "policy");
        requireNonNull(ids, "ids");
        String what = "the invoice of " + account
                + entity.map(e -> " (entity " + e + ")").orElse("") + " for " + month;
        if (!organization.holdsAt(actor, Permission.INVOICE, at)) {
            return Outcome.refused(
                    Refusal.Reason.PERMISSION_MISSING,
                    "%s: %s may not issue it: it does not hold %s",
                    what,
                    actor,
                    Permission.INVOICE);
        }
        if (!calendar.isFinal(month, at)) {
            return Outcome.refused(
                    Refusal.Reason.MONTH_NOT_ISSUED, "%s: the month's bill is not issued yet at %s", what, at);
        }
        Map<LineItemId, Money> now = new LinkedHashMap<>();
        for (LineItem item : charges) {
            if (!calendar.monthOf(item.feePeriod().start()).equals(month) || !covered.test(item)) {
                continue;
            }
            if (!item.currency().equals(currency)) {
                return Outcome.refused(
                        Refusal.Reason.CURRENCY_MISMATCH,
                        "%s: charge %s is in %s, the invoices in %s",
                        what,
                        item.id(),
                        item.currency().getCurrencyCode(),
                        currency.getCurrencyCode());
            }
            if (!organization.permits(
                    actor, Permission.INVOICE, item.ownerUin(), item.feePeriod().start())) {
                return Outcome.refused(
                        Refusal.Reason.PERMISSION_MISSING,
                        "%s: %s may not invoice charge %s of %s",
                        what,
                        actor,
                        item.id(),
                        item.ownerUin());
            }
            Optional<Invoice> other = documents.stream()
                    .filter(d -> !(d.account().equals(account) && d.month().equals(month)))
                    .filter(d -> d.lines().stream().anyMatch(l -> l.charge().equals(item.id())))
                    .findFirst();
            if (other.isPresent()) {
                return Outcome.refused(
                        Refusal.Reason.ALREADY_INVOICED,
                        "%s: charge %s is on %s %s of %s for %s already",
                        what,
                        item.id(),
                        other.get().kind(),
                        other.get().id(),
                        other.get().account(),
                        other.get().month());
            }
            now.merge(item.id(), item.totalCost(), Money::plus);
        }
        ImmutableList<Invoice> earlier = documentsOf(account, month);
        Map<LineItemId, Money> before = new LinkedHashMap<>();
        Money issuedTotal = Money.zero(currency);
        for (Invoice d : earlier) {
            d.lines().forEach(l -> before.merge(l.charge(), l.amount(), Money::plus));
            issuedTotal = issuedTotal.plus(d.total());
        }
        List<Invoice.Line> lines = new ArrayList<>();
        now.forEach((charge, amount) -> {
            Money change = amount.minus(before.getOrDefault(charge, Money.zero(currency)));
            if (!change.isZero() || !before.containsKey(charge)) {
                lines.add(new Invoice.Line(charge, change));
            }
        });
        before.forEach((charge, amount) -> {
            if (!now.containsKey(charge) && !amount.isZero()) {
                lines.add(new Invoice.Line(charge, amount.negated()));
            }
        });
        if (lines.isEmpty()) {
            if (earlier.isEmpty()) {
                return Outcome.refused(
                        Refusal.Reason.NOTHING_TO_INVOICE, "%s: the account has no charges in the month", what);
            }
            return Outcome.accepted(this);
        }
        Money settledNow = Money.total(currency, now.values()).settled(policy);
        Money total = settledNow.minus(issuedTotal);
        Invoice.Kind kind = earlier.isEmpty()
                ? Invoice.Kind.INVOICE
                : total.isNegative() ? Invoice.Kind.CREDIT_NOTE : Invoice.Kind.DEBIT_NOTE;
        InvoiceId id = requireNonNull(ids.next(account, month, kind), "the generator returned no invoice id");
        if (documents.stream().anyMatch(d -> d.id().equals(id))) {
            return Outcome.refused(
                    Refusal.Reason.ID_REUSED,
                    "%s: the generator's id %s is already used by another document",
                    what,
                    id);
        }
        Invoice document = new Invoice(
                id,
                kind,
                account,
                entity,
                month,
                at,
                earlier.isEmpty()
                        ? Optional.empty()
                        : Optional.of(earlier.get(0).id()),
                policy.name(),
                lines,
                total);
        List<Invoice> next = new ArrayList<>(documents);
        next.add(document);
        return Outcome.accepted(new InvoiceRegister(currency, next));
    }
}
