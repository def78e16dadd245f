package org.cloudbilling.reseller.json;

import static java.util.Objects.requireNonNull;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.daily.StateJson;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.CustomerDiscount;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Binding;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.channel.ProjectHistory;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.CreditState;

/**
 * The reseller state a host keeps between calls, as versioned JSON with a revision (DAILY-4): channels with their
 * bindings, reseller settings, credit states and project histories. Each is a document of {@link StateJson},
 * {@code {"format", "formatVersion", "revision", "state"}}:
 *
 * <ul>
 *   <li>{@code cloudbilling.channel}: {@code {"partners": [{"partner", "distributor"?}], "bindings": [{"customer",
 *       "partner", "from", "until"?}]}};
 *   <li>{@code cloudbilling.reseller-settings}: {@code {"reseller", "currency", "customerDiscountsEnabled",
 *       "resellerPerspectiveEnabled", "customerDiscounts": {customer: "0.9"}, "discounts": [{"customer",
 *       "product"?, "effectiveFrom", "rate"}], "billingTagKeys": {key: instant}, "tagKeyDelay": "PT24H"}};
 *   <li>{@code cloudbilling.credit-state}: {@code {"reseller", "pool", "customerCredit": [{"customer",
 *       "credit"}], "confirmed": [{"customer", "month", "amount"}]}};
 *   <li>{@code cloudbilling.project-history}: {@code {"resources": [{"resource", "moves": [{"from",
 *       "project"}]}]}}.
 * </ul>
 *
 * <p>Amounts are money in the form of {@code BillingModule} (amounts as strings, every decimal kept); rates are
 * strings. Change a state with {@link StateDocument#apply}: a change made on a stale revision is refused. Refusals
 * name the file, JSON path, line and column.
 */
public final class ResellerStateJson {
    private ResellerStateJson() {}

    // ---- channels

    record PartnerData(String partner, Optional<String> distributor) {}

    record BindingData(OwnerUin customer, String partner, Instant from, Optional<Instant> until) {}

    record ChannelData(List<PartnerData> partners, List<BindingData> bindings) {}

    /** The form of a channel and its bindings. */
    public static final StateJson.Form<Channel, ?> CHANNEL = new StateJson.Form<>(
            "cloudbilling.channel",
            "channel",
            1,
            ChannelData.class,
            ResellerStateJson::toData,
            ResellerStateJson::channel);

    private static ChannelData toData(Channel channel) {
        List<PartnerData> partners = new ArrayList<>();
        channel.partners().forEach((p, d) -> partners.add(new PartnerData(p.value(), d.map(PartnerUin::value))));
        List<BindingData> bindings = new ArrayList<>();
        for (Binding b : channel.bindings()) {
            bindings.add(new BindingData(
                    b.customer(),
                    b.partner().value(),
                    b.tenure().from(),
                    b.tenure().until()));
        }
        return new ChannelData(partners, bindings);
    }

    private static Channel channel(ChannelData data) {
        Channel.Builder b = Channel.builder();
        for (PartnerData p : data.partners()) {
            if (p.distributor().isEmpty()) {
                b.distributor(PartnerUin.of(p.partner()));
            } else {
                b.reseller(
                        PartnerUin.of(p.partner()),
                        PartnerUin.of(p.distributor().get()));
            }
        }
        for (BindingData d : data.bindings()) {
            Tenure tenure = d.until().isEmpty()
                    ? Tenure.since(d.from())
                    : Tenure.between(d.from(), d.until().get());
            b.binding(new Binding(d.customer(), PartnerUin.of(d.partner()), tenure));
        }
        return b.build();
    }

    // ---- reseller settings

    record DiscountData(OwnerUin customer, Optional<BusinessCode> product, Instant effectiveFrom, String rate) {}

    record SettingsData(
            String reseller,
            String currency,
            Boolean customerDiscountsEnabled,
            Boolean resellerPerspectiveEnabled,
            Map<String, String> customerDiscounts,
            List<DiscountData> discounts,
            Map<String, Instant> billingTagKeys,
            String tagKeyDelay) {}

    /** The form of a reseller's settings. */
    public static final StateJson.Form<ResellerSettings, ?> SETTINGS = new StateJson.Form<>(
            "cloudbilling.reseller-settings",
            "reseller settings",
            1,
            SettingsData.class,
            ResellerStateJson::toData,
            ResellerStateJson::settings);

    private static SettingsData toData(ResellerSettings s) {
        Map<String, String> rates = new LinkedHashMap<>();
        s.customerDiscounts().forEach((c, r) -> rates.put(c.value(), r.toPlainString()));
        List<DiscountData> discounts = new ArrayList<>();
        for (CustomerDiscount d : s.discounts()) {
            discounts.add(new DiscountData(
                    d.customer(), d.product(), d.effectiveFrom(), d.rate().toPlainString()));
        }
        Map<String, Instant> keys = new LinkedHashMap<>();
        s.billingTagKeys().forEach((k, at) -> keys.put(k.value(), at));
        return new SettingsData(
                s.reseller().value(),
                s.currency().getCurrencyCode(),
                s.customerDiscountsEnabled(),
                s.resellerPerspectiveEnabled(),
                rates,
                discounts,
                keys,
                s.tagKeyDelay().toString());
    }

    private static Set<BillBFeature> features(boolean customerDiscounts, boolean resellerPerspective) {
        Set<BillBFeature> out = EnumSet.noneOf(BillBFeature.class);
        if (customerDiscounts) {
            out.add(BillBFeature.CUSTOMER_DISCOUNTS);
        }
        if (resellerPerspective) {
            out.add(BillBFeature.RESELLER_PERSPECTIVE);
        }
        return out;
    }

    private static ResellerSettings settings(SettingsData d) {
        ResellerSettings.Builder b = ResellerSettings.builder();
        b.reseller(PartnerUin.of(d.reseller()))
                .currency(java.util.Currency.getInstance(d.currency()))
                .billBFeatures(features(d.customerDiscountsEnabled(), d.resellerPerspectiveEnabled()))
                .tagKeyDelay(Duration.parse(d.tagKeyDelay()));
        d.customerDiscounts()
                .forEach((c, r) -> b.putCustomerDiscount(OwnerUin.of(c), rate(r, "customerDiscounts." + c)));
        for (int i = 0; i < d.discounts().size(); i++) {
            DiscountData x = d.discounts().get(i);
            b.addDiscount(new CustomerDiscount(
                    x.customer(), x.product(), x.effectiveFrom(), rate(x.rate(), "discounts[" + i + "].rate")));
        }
        d.billingTagKeys().forEach((k, at) -> b.putBillingTagKey(TagKey.of(k), at));
        return b.build();
    }

    private static BigDecimal rate(String text, String where) {
        try {
            return new BigDecimal(requireNonNull(text, where));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": \"" + text + "\" is not a decimal rate", e);
        }
    }

    // ---- credit states

    record CreditData(OwnerUin customer, Money credit) {}

    record ConfirmedData(OwnerUin customer, BillingMonth month, Money amount) {}

    record CreditStateData(
            String reseller, Money pool, List<CreditData> customerCredit, List<ConfirmedData> confirmed) {}

    /** The form of a reseller's credit state. */
    public static final StateJson.Form<CreditState, ?> CREDIT = new StateJson.Form<>(
            "cloudbilling.credit-state",
            "credit state",
            1,
            CreditStateData.class,
            ResellerStateJson::toData,
            ResellerStateJson::credit);

    private static CreditStateData toData(CreditState s) {
        List<CreditData> credit = new ArrayList<>();
        s.customerCredit().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                .forEach(e -> credit.add(new CreditData(e.getKey(), e.getValue())));
        List<ConfirmedData> confirmed = new ArrayList<>();
        s.confirmed().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        (a, b) -> a.customer().value().equals(b.customer().value())
                                ? a.month().compareTo(b.month())
                                : a.customer().value().compareTo(b.customer().value())))
                .forEach(e -> confirmed.add(
                        new ConfirmedData(e.getKey().customer(), e.getKey().month(), e.getValue())));
        return new CreditStateData(s.reseller().value(), s.pool(), credit, confirmed);
    }

    private static CreditState credit(CreditStateData d) {
        PartnerUin reseller = PartnerUin.of(d.reseller());
        Map<OwnerUin, Money> credit = new LinkedHashMap<>();
        for (CreditData c : d.customerCredit()) {
            if (credit.put(c.customer(), c.credit()) != null) {
                throw new IllegalArgumentException("customerCredit: customer " + c.customer() + " appears twice");
            }
        }
        Map<CustomerMonth, Money> confirmed = new LinkedHashMap<>();
        for (ConfirmedData c : d.confirmed()) {
            CustomerMonth key = new CustomerMonth(c.customer(), reseller, c.month());
            if (confirmed.put(key, c.amount()) != null) {
                throw new IllegalArgumentException("confirmed: " + key + " appears twice");
            }
        }
        return new CreditState(reseller, d.pool(), credit, confirmed);
    }

    // ---- project histories

    record MoveData(Instant from, ProjectId project) {}

    record ResourceData(ResourceId resource, List<MoveData> moves) {}

    record HistoryData(List<ResourceData> resources) {}

    /** The form of a project history. */
    public static final StateJson.Form<ProjectHistory, ?> PROJECTS = new StateJson.Form<>(
            "cloudbilling.project-history",
            "project history",
            1,
            HistoryData.class,
            ResellerStateJson::toData,
            ResellerStateJson::projects);

    private static HistoryData toData(ProjectHistory h) {
        List<ResourceData> resources = new ArrayList<>();
        h.resources().stream().sorted((a, b) -> a.value().compareTo(b.value())).forEach(r -> {
            List<MoveData> moves = new ArrayList<>();
            h.movesOf(r).forEach((at, p) -> moves.add(new MoveData(at, p)));
            resources.add(new ResourceData(r, moves));
        });
        return new HistoryData(resources);
    }

    private static ProjectHistory projects(HistoryData d) {
        ProjectHistory h = ProjectHistory.empty();
        java.util.Set<ResourceId> seen = new java.util.HashSet<>();
        for (ResourceData r : d.resources()) {
            if (!seen.add(r.resource())) {
                throw new IllegalArgumentException("resources: resource " + r.resource() + " appears twice");
            }
            for (MoveData m : r.moves()) {
                h = h.moved(r.resource(), m.project(), m.from());
            }
        }
        return h;
    }

    // ---- reading and writing

    /**
     * Writes {@code document} in {@code form} to {@code out}; flushes {@code out} and leaves it open.
     *
     * @param form {@link #CHANNEL}, {@link #SETTINGS}, {@link #CREDIT} or {@link #PROJECTS}, not null
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
     * @param form {@link #CHANNEL}, {@link #SETTINGS}, {@link #CREDIT} or {@link #PROJECTS}, not null
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the state and its revision, equal to what was written, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason
     * @throws UncheckedIOException if {@code in} fails
     */
    public static <T> StateDocument<T> read(StateJson.Form<T, ?> form, Reader in, String source) {
        return StateJson.read(form, in, source);
    }

    /**
     * Returns {@code value} at revision 0 under the name of {@code form}, ready for changes.
     *
     * @param form the state's form, not null
     * @param value the state, not null
     * @return the document, never null
     */
    public static <T> StateDocument<T> document(StateJson.Form<T, ?> form, T value) {
        return StateDocument.initial(form.what(), value);
    }
}
