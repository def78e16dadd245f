package org.cloudbilling.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Reads the bundled FOCUS 1.0 sample into line items, for the sample programs: BillingAccountId is the payer,
 * SubAccountId the owner, ServiceName the product, BilledCost the total cost, ListCost the list cost.
 *
 * <p>It handles the sample's own quirks: timestamps written {@code 2024-09-01 00:00:00} (read as UTC), the
 * literal {@code NULL}, and tags as a JSON object whose keys are kept exactly. A full FOCUS reader belongs in
 * the library; this is the sample programs' small one.
 */
public final class FocusSample {
    /** The sample's place on the class path. */
    public static final String RESOURCE = "/focus-1.0/focus_sample.csv";
    /** The sample's attribution, to show with any use of it. */
    public static final String ATTRIBUTION = "FOCUS Sample Data, FinOps Foundation, CC BY 4.0";

    private static final DateTimeFormatter SAMPLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FocusSample() {}

    /**
     * Reads the bundled sample.
     *
     * @return its 1000 line items, never null
     */
    public static List<LineItem> read() {
        try (InputStream in = FocusSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bug: " + RESOURCE + " is not on the class path");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "focus_sample.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads FOCUS rows.
     *
     * @param reader the CSV text, not null; the caller closes it
     * @param source the name errors give for the input, such as a file name, not null
     * @return the line items, never null
     * @throws BillingInputException naming source, line, column and value of a row it cannot read
     * @throws IOException if the text cannot be read or is not CSV
     */
    public static List<LineItem> read(Reader reader, String source) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LineItem> items = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(reader)) {
            long nextLine = 2; // the header is line 1
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                long rowLine = nextLine;
                nextLine = rows.getParser().currentLocation().getLineNr();
                CsvSchema header = (CsvSchema) rows.getParserSchema();
                try {
                    items.add(item(row, new Place(source, rowLine, header), json));
                } catch (IllegalArgumentException e) { // a value the model refuses, such as an empty tag key
                    throw new BillingInputException(InputProblem.ofLine(source, rowLine, e.getMessage()));
                }
            }
        }
        return items;
    }

    private static LineItem item(Map<String, String> row, Place at, ObjectMapper json) {
        String currency = at.value(row, "BillingCurrency");
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(at.value(row, "Id")))
                .payerUin(PayerUin.of(at.value(row, "BillingAccountId")))
                .ownerUin(OwnerUin.of(at.value(row, "SubAccountId")))
                .businessCode(BusinessCode.of(at.value(row, "ServiceName")))
                .payMode(PayMode.POSTPAID)
                .actionType(actionType(at, row))
                .feePeriod(Interval.of(at.time(row, "ChargePeriodStart"), at.time(row, "ChargePeriodEnd")))
                .listCost(at.money(row, "ListCost", currency))
                .totalCost(at.money(row, "BilledCost", currency));
        at.optional(row, "RegionId").ifPresent(v -> b.regionId(RegionId.of(v)));
        at.optional(row, "ResourceId").ifPresent(v -> b.resourceId(ResourceId.of(v)));
        at.optional(row, "SkuId").ifPresent(v -> b.itemCode(ItemCode.of(v)));
        at.optional(row, "Tags").ifPresent(v -> at.tags(b, v, json));
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(at.source, at.line, e.getMessage()));
        }
    }

    private static ActionType actionType(Place at, Map<String, String> row) {
        String category = at.value(row, "ChargeCategory");
        switch (category) {
            case "Usage":
                return ActionType.USAGE;
            case "Purchase":
                return ActionType.NEW_PURCHASE;
            case "Tax":
                return ActionType.TAX;
            case "Credit":
                return ActionType.CREDIT;
            case "Adjustment":
                return ActionType.ADJUSTMENT;
            default:
                throw at.problem("ChargeCategory", category, "'" + category + "' is not a FOCUS 1.0 charge category");
        }
    }

    /** Where a row is, to name it in errors. */
    private static final class Place {
        final String source;
        final long line;
        final CsvSchema header;

        Place(String source, long line, CsvSchema header) {
            this.source = source;
            this.line = line;
            this.header = header;
        }

        String value(Map<String, String> row, String column) {
            String v = row.get(column);
            if (v == null) {
                throw new BillingInputException(InputProblem.ofLine(source, line, "column " + column + " is missing"));
            }
            if (v.isEmpty() || v.equals("NULL")) {
                throw problem(column, v, column + " is required");
            }
            return v;
        }

        java.util.Optional<String> optional(Map<String, String> row, String column) {
            String v = row.get(column);
            return v == null || v.isEmpty() || v.equals("NULL") ? java.util.Optional.empty() : java.util.Optional.of(v);
        }

        Money money(Map<String, String> row, String column, String currency) {
            String v = value(row, column);
            try {
                return Money.of(currency, v);
            } catch (IllegalArgumentException e) {
                throw problem(column, v, e.getMessage());
            }
        }

        java.time.Instant time(Map<String, String> row, String column) {
            String v = value(row, column);
            try {
                return v.contains("T")
                        ? java.time.Instant.parse(v)
                        : LocalDateTime.parse(v, SAMPLE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw problem(column, v, "'" + v + "' is not a timestamp");
            }
        }

        void tags(LineItem.Builder b, String text, ObjectMapper json) {
            try {
                JsonNode node = json.readTree(text);
                if (!node.isObject()) {
                    throw problem("Tags", text, "tags are not a JSON object");
                }
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    b.putTag(TagKey.of(e.getKey()), e.getValue().asText());
                }
            } catch (JsonProcessingException e) {
                throw problem("Tags", text, "tags are not JSON: " + e.getOriginalMessage());
            }
        }

        BillingInputException problem(String column, String value, String reason) {
            CsvSchema.Column c = header.column(column);
            int index = c == null ? 0 : c.getIndex() + 1;
            return new BillingInputException(InputProblem.ofCell(source, line, index, column, value, reason));
        }
    }
}
