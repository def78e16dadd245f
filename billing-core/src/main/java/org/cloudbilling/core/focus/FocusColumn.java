package org.cloudbilling.core.focus;

import java.util.Optional;

/**
 * The 43 columns of FOCUS 1.0, with each column's data type and whether the specification lets it be null.
 * Enum order is the order the export writes them in (the specification's alphabetical order).
 */
public enum FocusColumn {
    AVAILABILITY_ZONE("AvailabilityZone", Type.STRING, true),
    BILLED_COST("BilledCost", Type.DECIMAL, false),
    BILLING_ACCOUNT_ID("BillingAccountId", Type.STRING, false),
    BILLING_ACCOUNT_NAME("BillingAccountName", Type.STRING, true),
    BILLING_CURRENCY("BillingCurrency", Type.STRING, false),
    BILLING_PERIOD_END("BillingPeriodEnd", Type.DATETIME, false),
    BILLING_PERIOD_START("BillingPeriodStart", Type.DATETIME, false),
    CHARGE_CATEGORY("ChargeCategory", Type.STRING, false),
    CHARGE_CLASS("ChargeClass", Type.STRING, true),
    CHARGE_DESCRIPTION("ChargeDescription", Type.STRING, true),
    CHARGE_FREQUENCY("ChargeFrequency", Type.STRING, false),
    CHARGE_PERIOD_END("ChargePeriodEnd", Type.DATETIME, false),
    CHARGE_PERIOD_START("ChargePeriodStart", Type.DATETIME, false),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", Type.STRING, true),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", Type.STRING, true),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", Type.STRING, true),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", Type.STRING, true),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", Type.STRING, true),
    CONSUMED_QUANTITY("ConsumedQuantity", Type.DECIMAL, true),
    CONSUMED_UNIT("ConsumedUnit", Type.STRING, true),
    CONTRACTED_COST("ContractedCost", Type.DECIMAL, false),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", Type.DECIMAL, true),
    EFFECTIVE_COST("EffectiveCost", Type.DECIMAL, false),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", Type.STRING, false),
    LIST_COST("ListCost", Type.DECIMAL, false),
    LIST_UNIT_PRICE("ListUnitPrice", Type.DECIMAL, true),
    PRICING_CATEGORY("PricingCategory", Type.STRING, true),
    PRICING_QUANTITY("PricingQuantity", Type.DECIMAL, true),
    PRICING_UNIT("PricingUnit", Type.STRING, true),
    PROVIDER_NAME("ProviderName", Type.STRING, false),
    PUBLISHER_NAME("PublisherName", Type.STRING, false),
    REGION_ID("RegionId", Type.STRING, true),
    REGION_NAME("RegionName", Type.STRING, true),
    RESOURCE_ID("ResourceId", Type.STRING, true),
    RESOURCE_NAME("ResourceName", Type.STRING, true),
    RESOURCE_TYPE("ResourceType", Type.STRING, true),
    SERVICE_CATEGORY("ServiceCategory", Type.STRING, false),
    SERVICE_NAME("ServiceName", Type.STRING, false),
    SKU_ID("SkuId", Type.STRING, true),
    SKU_PRICE_ID("SkuPriceId", Type.STRING, true),
    SUB_ACCOUNT_ID("SubAccountId", Type.STRING, true),
    SUB_ACCOUNT_NAME("SubAccountName", Type.STRING, true),
    TAGS("Tags", Type.JSON, true);

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

    FocusColumn(String header, Type type, boolean nullable) {
        this.header = header;
        this.type = type;
        this.nullable = nullable;
    }

    /** Returns the column's name as FOCUS writes it, such as {@code BilledCost}. */
    public String header() {
        return header;
    }

    /** Returns the column's data type. */
    public Type type() {
        return type;
    }

    /** Returns whether FOCUS 1.0 lets the column be null (FOCUS-1: the others never are). */
    public boolean isNullable() {
        return nullable;
    }

    /**
     * Returns the column named {@code header}, exactly as FOCUS spells it.
     *
     * @param header such as {@code BilledCost}
     * @return the column, if FOCUS 1.0 has one of that name
     */
    public static Optional<FocusColumn> of(String header) {
        for (FocusColumn c : values()) {
            if (c.header.equals(header)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
