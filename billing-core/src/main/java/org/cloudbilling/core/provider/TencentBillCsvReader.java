package org.cloudbilling.core.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.RowSource;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Streams line items from a Tencent-style detailed bill CSV; see {@link TencentBillCsv}. It holds one row at a
 * time. {@link #next()} throws a {@link BillingInputException} naming line, column, value and reason for a row it
 * cannot read; reading may go on with the next row. Not thread-safe: one reader per input.
 */
public final class TencentBillCsvReader implements Iterator<LineItem>, Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final String source;
    private final Currency currency;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, Integer> at = new HashMap<>();
    private final RowSource<LineItem> rows;

    TencentBillCsvReader(Reader reader, String source, Currency currency, ZoneId zone) {
        this.source = requireNonNull(source, "source");
        this.currency = requireNonNull(currency, "currency");
        this.zone = requireNonNull(zone, "zone");
        this.rows = RowSource.open(
                reader,
                this.source,
                (header, line) -> RowSource.requireColumns(
                        header, TencentBillCsv.REQUIRED_COLUMNS, "the header lacks the columns", source, line),
                cells -> new Row(cells).parse());
        String[] header = rows.header();
        for (int i = 0; i < header.length; i++) {
            at.put(header[i], i);
        }
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    /**
     * Returns the next item.
     *
     * @throws BillingInputException if the row cannot be read
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public LineItem next() {
        return rows.next();
    }

    /** Returns the line the row last returned (or refused) by {@link #next()} starts on. */
    public long line() {
        return rows.line();
    }

    ReadResult<LineItem> readAll(OnError onError) {
        return rows.readAll(onError, Function.identity());
    }

    /**
     * Returns the action type of a Tencent ActionType value; an unknown value is {@link ActionType#OTHER}.
     * {@code prepay_modify} is an upgrade when its cost is at least zero, a downgrade otherwise.
     */
    static ActionType actionType(String value, BigDecimal realCost) {
        switch (value) {
            case "prepay_purchase":
            case "prePurchase":
            case "pre_purchase":
                return ActionType.NEW_PURCHASE;
            case "prepay_renew":
            case "preRenew":
            case "pre_renew":
                return ActionType.RENEWAL;
            case "prepay_modify":
                return realCost.signum() >= 0 ? ActionType.UPGRADE : ActionType.DOWNGRADE;
            case "preUpgrade":
            case "pre_upgrade":
                return ActionType.UPGRADE;
            case "preDowngrade":
            case "pre_downgrade":
                return ActionType.DOWNGRADE;
            case "prepay_return":
                return ActionType.REFUND;
            case "postpay_deduct":
            case "postpay_deduct_h":
            case "postpay_deduct_d":
            case "postpay_deduct_m":
            case "postpay_deduct_s":
                return ActionType.USAGE;
            case "recon_deduct":
            case "recon_increase":
            case "recon_guarantee":
                return ActionType.ADJUSTMENT;
            case "ripay_purchase":
                return ActionType.COMMITMENT_PURCHASE;
            case "ri_hour_pay":
            case "svp_hour_pay":
                return ActionType.COMMITMENT_DEDUCTION;
            default:
                return ActionType.OTHER;
        }
    }

    static Optional<SettlementCycle> settlementCycle(String actionType) {
        switch (actionType) {
            case "postpay_deduct_h":
                return Optional.of(SettlementCycle.HOURLY);
            case "postpay_deduct_d":
                return Optional.of(SettlementCycle.DAILY);
            case "postpay_deduct_m":
                return Optional.of(SettlementCycle.MONTHLY);
            default:
                return Optional.empty();
        }
    }

    /** The cells of one row, read with their problems collected. */
    private final class Row {
        private final String[] cells;
        private final List<InputProblem> problems = new ArrayList<>();

        Row(String[] cells) {
            this.cells = cells;
        }

        LineItem parse() {
            String action = required("ActionType");
            Money realCost = money("RealCost").orElse(null);
            Instant begin = get("FeeBeginTime", this::time).orElse(null);
            Instant end = get("FeeEndTime", this::time).orElse(null);
            PayMode mode = get("PayMode", TencentBillCsvReader::payMode).orElse(null);
            LineItem.Builder b = LineItem.builder();
            String bill = required("BillId");
            Optional<String> item = text("ItemCode");
            try {
                b.id(LineItemId.of(item.map(i -> bill + "/" + i).orElse(bill)))
                        .payerUin(PayerUin.of(required("PayerUin")))
                        .ownerUin(OwnerUin.of(required("OwnerUin")))
                        .operatorUin(text("OperateUin").map(OperatorUin::of))
                        .businessCode(BusinessCode.of(required("BusinessCode")))
                        .productCode(text("ProductCode").map(ProductCode::of))
                        .itemCode(item.map(ItemCode::of))
                        .regionId(text("RegionId").map(RegionId::of))
                        .projectId(text("ProjectId").map(ProjectId::of))
                        .resourceId(text("ResourceId").map(ResourceId::of))
                        .instanceType(text("InstanceType").map(InstanceType::of))
                        .orderId(text("OrderId").map(OrderId::of))
                        .settlementCycle(settlementCycle(action))
                        .usageUnit(text("UsedAmountUnit"));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.ofLine(source, rows.line(), e.getMessage()));
            }
            b.deductionTime(get("PayTime", this::time))
                    .usageQuantity(decimal("UsedAmount"))
                    .discountRate(decimal("Discount"))
                    .savingsPlanDeduction(money("SPDeduction"))
                    .cashPaid(money("CashPayAmount"))
                    .voucherPaid(money("VoucherPayAmount"))
                    .incentivePaid(money("IncentivePayAmount"))
                    .transferPaid(money("TransferPayAmount"));
            money("Cost").ifPresent(b::listCost);
            get("Tags", this::tags).ifPresent(b::putAllTags);
            if (begin != null && end != null) {
                try {
                    // FeeEndTime is the last second inside the period: the exclusive end is a second later
                    b.feePeriod(Interval.ofInclusiveEnd(begin, end));
                } catch (IllegalArgumentException e) {
                    problems.add(cellProblem("FeeEndTime", e.getMessage()));
                }
            }
            if (realCost != null) {
                b.totalCost(realCost).actionType(actionType(action, realCost.amount()));
            }
            if (mode != null) {
                b.payMode(mode);
            }
            if (!problems.isEmpty()) {
                throw new BillingInputException(problems);
            }
            try {
                return b.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new BillingInputException(InputProblem.ofLine(source, rows.line(), e.getMessage()));
            }
        }

        private String required(String column) {
            Optional<String> v = text(column);
            if (v.isEmpty()) {
                problems.add(cellProblem(column, column + " is required"));
                return "?";
            }
            return v.get();
        }

        private Optional<String> text(String column) {
            Integer i = at.get(column);
            return i == null || cells[i].isEmpty() ? Optional.empty() : Optional.of(cells[i]);
        }

        private <T> Optional<T> get(String column, Function<String, T> parser) {
            Optional<String> v = text(column);
            if (v.isEmpty()) {
                if (TencentBillCsv.REQUIRED_COLUMNS.contains(column)) {
                    problems.add(cellProblem(column, column + " is required"));
                }
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(v.get()));
            } catch (IllegalArgumentException e) {
                problems.add(cellProblem(column, e.getMessage()));
                return Optional.empty();
            }
        }

        private Optional<BigDecimal> decimal(String column) {
            return get(column, Money::parseAmount);
        }

        /** An amount in the bill's currency; one beyond what {@link Money} holds is a problem of its cell. */
        private Optional<Money> money(String column) {
            return get(column, cell -> Money.of(currency, Money.parseAmount(cell)));
        }

        private Instant time(String cell) {
            try {
                // whole seconds in the years 1 to 9998 (IO-3)
                return SupportedTimes.check(
                        LocalDateTime.parse(cell, TIME).atZone(zone).toInstant());
            } catch (java.time.DateTimeException e) { // a parse failure, or a time no Instant holds
                throw new IllegalArgumentException("'" + cell + "' is not a time such as 2024-09-30 23:59:59");
            }
        }

        private Map<TagKey, String> tags(String cell) {
            JsonNode node;
            try {
                node = json.readTree(cell);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("tags are not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isArray()) {
                throw new IllegalArgumentException("tags are not a JSON array of {\"TagKey\", \"TagValue\"}");
            }
            Map<TagKey, String> tags = new java.util.LinkedHashMap<>();
            for (JsonNode t : node) {
                JsonNode key = t.get("TagKey");
                JsonNode value = t.get("TagValue");
                if (key == null
                        || !key.isTextual()
                        || key.textValue().isEmpty()
                        || value == null
                        || !value.isTextual()) {
                    throw new IllegalArgumentException("tag " + t + " is not {\"TagKey\": text, \"TagValue\": text}");
                }
                if (tags.put(TagKey.of(key.textValue()), value.textValue()) != null) {
                    throw new IllegalArgumentException("tag key '" + key.textValue() + "' appears twice");
                }
            }
            return tags;
        }

        private InputProblem cellProblem(String column, String reason) {
            int i = at.get(column);
            return InputProblem.ofCell(source, rows.line(), i + 1, column, cells[i], reason);
        }
    }

    private static PayMode payMode(String value) {
        switch (value) {
            case "prePay":
                return PayMode.PREPAID;
            case "postPay":
                return PayMode.POSTPAID;
            default:
                throw new IllegalArgumentException("pay mode '" + value + "' is not prePay or postPay");
        }
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }
}
