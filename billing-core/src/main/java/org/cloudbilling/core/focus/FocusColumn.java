package org.cloudbilling.core.focus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 65 columns of FOCUS 1.3: the 43 of FOCUS 1.0 and those 1.1, 1.2 and 1.3 added ({@link #since()}), with each
 * column's data type and whether the specification lets it be null. Enum order is the order an export writes them
 * in (the specification's alphabetical order); {@link FocusVersion#columns()} lists a version's own.
 * SkuPriceDetails, a JSON object whose values may be numbers, is kept as its text, as are 1.3's JSON columns
 * (AllocatedMethodDetails, AllocatedTags, ContractApplied). FOCUS 1.3 deprecates ProviderName and PublisherName in
 * favour of ServiceProviderName and HostProviderName; a 1.3 dataset still has all four.
 */
public enum FocusColumn {
    ALLOCATED_METHOD_DETAILS("AllocatedMethodDetails", Type.STRING, true, FocusVersion.V1_3),
    ALLOCATED_METHOD_ID("AllocatedMethodId", Type.STRING, true, FocusVersion.V1_3),
    ALLOCATED_RESOURCE_ID("AllocatedResourceId", Type.STRING, true, FocusVersion.V1_3),
    ALLOCATED_RESOURCE_NAME("AllocatedResourceName", Type.STRING, true, FocusVersion.V1_3),
    ALLOCATED_TAGS("AllocatedTags", Type.STRING, true, FocusVersion.V1_3),
    AVAILABILITY_ZONE("AvailabilityZone", Type.STRING, true, FocusVersion.V1_0),
    BILLED_COST("BilledCost", Type.DECIMAL, false, FocusVersion.V1_0),
    BILLING_ACCOUNT_ID("BillingAccountId", Type.STRING, false, FocusVersion.V1_0),
    BILLING_ACCOUNT_NAME("BillingAccountName", Type.STRING, true, FocusVersion.V1_0),
    BILLING_ACCOUNT_TYPE("BillingAccountType", Type.STRING, true, FocusVersion.V1_2),
    BILLING_CURRENCY("BillingCurrency", Type.STRING, false, FocusVersion.V1_0),
    BILLING_PERIOD_END("BillingPeriodEnd", Type.DATETIME, false, FocusVersion.V1_0),
    BILLING_PERIOD_START("BillingPeriodStart", Type.DATETIME, false, FocusVersion.V1_0),
    CAPACITY_RESERVATION_ID("CapacityReservationId", Type.STRING, true, FocusVersion.V1_1),
    CAPACITY_RESERVATION_STATUS("CapacityReservationStatus", Type.STRING, true, FocusVersion.V1_1),
    CHARGE_CATEGORY("ChargeCategory", Type.STRING, false, FocusVersion.V1_0),
    CHARGE_CLASS("ChargeClass", Type.STRING, true, FocusVersion.V1_0),
    CHARGE_DESCRIPTION("ChargeDescription", Type.STRING, true, FocusVersion.V1_0),
    CHARGE_FREQUENCY("ChargeFrequency", Type.STRING, false, FocusVersion.V1_0),
    CHARGE_PERIOD_END("ChargePeriodEnd", Type.DATETIME, false, FocusVersion.V1_0),
    CHARGE_PERIOD_START("ChargePeriodStart", Type.DATETIME, false, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", Type.STRING, true, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", Type.STRING, true, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", Type.STRING, true, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_QUANTITY("CommitmentDiscountQuantity", Type.DECIMAL, true, FocusVersion.V1_1),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", Type.STRING, true, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", Type.STRING, true, FocusVersion.V1_0),
    COMMITMENT_DISCOUNT_UNIT("CommitmentDiscountUnit", Type.STRING, true, FocusVersion.V1_1),
    CONSUMED_QUANTITY("ConsumedQuantity", Type.DECIMAL, true, FocusVersion.V1_0),
    CONSUMED_UNIT("ConsumedUnit", Type.STRING, true, FocusVersion.V1_0),
    CONTRACT_APPLIED("ContractApplied", Type.STRING, true, FocusVersion.V1_3),
    CONTRACTED_COST("ContractedCost", Type.DECIMAL, false, FocusVersion.V1_0),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", Type.DECIMAL, true, FocusVersion.V1_0),
    EFFECTIVE_COST("EffectiveCost", Type.DECIMAL, false, FocusVersion.V1_0),
    HOST_PROVIDER_NAME("HostProviderName", Type.STRING, true, FocusVersion.V1_3),
    INVOICE_ID("InvoiceId", Type.STRING, true, FocusVersion.V1_2),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", Type.STRING, false, FocusVersion.V1_0),
    LIST_COST("ListCost", Type.DECIMAL, false, FocusVersion.V1_0),
    LIST_UNIT_PRICE("ListUnitPrice", Type.DECIMAL, true, FocusVersion.V1_0),
    PRICING_CATEGORY("PricingCategory", Type.STRING, true, FocusVersion.V1_0),
    /** Never null where it applies: when prices and bills may be in different currencies; null otherwise. */
    PRICING_CURRENCY("PricingCurrency", Type.STRING, true, FocusVersion.V1_2),
    PRICING_CURRENCY_CONTRACTED_UNIT_PRICE("PricingCurrencyContractedUnitPrice", Type.DECIMAL, true, FocusVersion.V1_2),
    /** Never null where it applies: when prices and bills may be in different currencies; null otherwise. */
    PRICING_CURRENCY_EFFECTIVE_COST("PricingCurrencyEffectiveCost", Type.DECIMAL, true, FocusVersion.V1_2),
    PRICING_CURRENCY_LIST_UNIT_PRICE("PricingCurrencyListUnitPrice", Type.DECIMAL, true, FocusVersion.V1_2),
    PRICING_QUANTITY("PricingQuantity", Type.DECIMAL, true, FocusVersion.V1_0),
    PRICING_UNIT("PricingUnit", Type.STRING, true, FocusVersion.V1_0),
    PROVIDER_NAME("ProviderName", Type.STRING, false, FocusVersion.V1_0),
    PUBLISHER_NAME("PublisherName", Type.STRING, false, FocusVersion.V1_0),
    REGION_ID("RegionId", Type.STRING, true, FocusVersion.V1_0),
    REGION_NAME("RegionName", Type.STRING, true, FocusVersion.V1_0),
    RESOURCE_ID("ResourceId", Type.STRING, true, FocusVersion.V1_0),
    RESOURCE_NAME("ResourceName", Type.STRING, true, FocusVersion.V1_0),
    RESOURCE_TYPE("ResourceType", Type.STRING, true, FocusVersion.V1_0),
    SERVICE_CATEGORY("ServiceCategory", Type.STRING, false, FocusVersion.V1_0),
    SERVICE_NAME("ServiceName", Type.STRING, false, FocusVersion.V1_0),
    SERVICE_PROVIDER_NAME("ServiceProviderName", Type.STRING, false, FocusVersion.V1_3),
    SERVICE_SUBCATEGORY("ServiceSubcategory", Type.STRING, false, FocusVersion.V1_1),
    SKU_ID("SkuId", Type.STRING, true, FocusVersion.V1_0),
    SKU_METER("SkuMeter", Type.STRING, true, FocusVersion.V1_1),
    SKU_PRICE_DETAILS("SkuPriceDetails", Type.STRING, true, FocusVersion.V1_1),
    SKU_PRICE_ID("SkuPriceId", Type.STRING, true, FocusVersion.V1_0),
    SUB_ACCOUNT_ID("SubAccountId", Type.STRING, true, FocusVersion.V1_0),
    SUB_ACCOUNT_NAME("SubAccountName", Type.STRING, true, FocusVersion.V1_0),
    SUB_ACCOUNT_TYPE("SubAccountType", Type.STRING, true, FocusVersion.V1_2),
    TAGS("Tags", Type.JSON, true, FocusVersion.V1_0);

    /** The data type of a column's values. */
    public enum Type {
        /** Text, kept exactly. */
        STRING,
        /** An exact decimal with every digit kept. */
        DECIMAL,
        /** An instant, written {@code 2024-09-01T00:00:00Z}. */
        DATETIME,
        /** A JSON object of string values (the tags). */
        JSON
    }

    private final String header;
    private final Type type;
    private final boolean nullable;
    private final FocusVersion since;

    FocusColumn(String header, Type type, boolean nullable, FocusVersion since) {
        this.header = header;
        this.type = type;
        this.nullable = nullable;
        this.since = since;
    }

    /** Returns the version that introduced the column. */
    public FocusVersion since() {
        return since;
    }

    /**
     * Returns whether every dataset of every version has the column and it is never null: the columns a reader
     * requires in the header (the 1.0 columns that may never be null).
     */
    public boolean isRequired() {
        return !nullable && since == FocusVersion.V1_0;
    }

    /** Returns the column's name as FOCUS writes it, such as {@code BilledCost}. */
    public String header() {
        return header;
    }

    /** Returns the column's data type. */
    public Type type() {
        return type;
    }

    /**
     * Returns whether the specification that introduced the column lets it be null (FOCUS-1: the others never are,
     * when present; a column introduced by 1.1 or 1.2 may still be absent from a dataset).
     */
    public boolean isNullable() {
        return nullable;
    }

    /**
     * Returns the column named {@code header}, exactly as FOCUS spells it.
     *
     * @param header such as {@code BilledCost}
     * @return the column, if FOCUS 1.3 has one of that name
     */
    public static Optional<FocusColumn> of(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_HEADER.get(header));
    }

    /** The columns by header: a constant table, so that a lookup per cell copies no array of the columns. */
    private static final Map<String, FocusColumn> BY_HEADER = byHeader();

    private static Map<String, FocusColumn> byHeader() {
        Map<String, FocusColumn> m = new HashMap<>();
        for (FocusColumn c : values()) {
            m.put(c.header, c);
        }
        return Map.copyOf(m);
    }
}
