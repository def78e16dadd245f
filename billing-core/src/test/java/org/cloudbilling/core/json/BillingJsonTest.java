package org.cloudbilling.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Test;

class BillingJsonTest {
    private static final ObjectMapper JSON = BillingJson.mapper();

    @Test
    void lineItem_writesTheGoldenForm() throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(BillFixtures.CVM_HOUR)))
                .isEqualTo(JSON.readTree(golden("line-item.json")));
        assertThat(JSON.readTree(JSON.writeValueAsString(BillFixtures.DISK_REFUND)))
                .isEqualTo(JSON.readTree(golden("refund-line-item.json")));
    }

    @Test
    void lineItem_readsTheGoldenForm_withEveryDecimal() throws IOException {
        LineItem read = JSON.readValue(golden("line-item.json"), LineItem.class);
        assertThat(read).isEqualTo(BillFixtures.CVM_HOUR);
        assertThat(read.listCost().scale()).isEqualTo(8);
        assertThat(read.usageQuantity()).contains(new BigDecimal("1.000000000000000"));
        assertThat(read.usageQuantity().get().scale()).isEqualTo(15);
        assertThat(read.tags()).containsEntry(TagKey.of(" org"), "Finance & Ops");
        assertThat(JSON.readValue(golden("refund-line-item.json"), LineItem.class))
                .isEqualTo(BillFixtures.DISK_REFUND);
    }

    @Test
    void amounts_areAlwaysJsonStrings() throws JsonProcessingException {
        String text = JSON.writeValueAsString(BillFixtures.CVM_HOUR);
        assertThat(JSON.readTree(text).get("listCost").get("amount").isTextual())
                .isTrue();
        assertThat(JSON.readTree(text).get("discountRate").isTextual()).isTrue();
        assertThat(JSON.writeValueAsString(Money.of("USD", "0.00000080000"))).contains("\"0.00000080000\"");
    }

    @Test
    void bill_roundTrips() throws JsonProcessingException {
        Bill bill = Bill.builder()
                .payerUin(PayerUin.of("100000000001"))
                .month(BillingMonth.of(2024, 9))
                .currency(Currency.getInstance("CNY"))
                .addItems(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND)
                .build();
        String text = JSON.writeValueAsString(bill);
        assertThat(JSON.readTree(text).get("month").textValue()).isEqualTo("2024-09");
        Bill back = JSON.readValue(text, Bill.class);
        assertThat(back).isEqualTo(bill);
        assertThat(back.totalCost()).isEqualTo(Money.of("CNY", "-96.08"));
    }

    @Test
    void tagBinding_roundTrips() throws JsonProcessingException {
        TagBinding binding = TagBinding.of(
                        ResourceId.of("ins-1"), Tag.of("team", "web"), Instant.parse("2024-09-01T00:00:00Z"))
                .endedAt(Instant.parse("2024-09-17T00:00:00Z"), TagBinding.End.UNBOUND);
        assertThat(JSON.readValue(JSON.writeValueAsString(binding), TagBinding.class))
                .isEqualTo(binding);
    }

    @Test
    void money_asJsonNumber_isRefusedWithItsPath() {
        String text = "{\"currency\":\"USD\",\"amount\":1.1}";
        assertThatThrownBy(() -> JSON.readValue(text, Money.class))
                .hasMessageContaining("Money.amount must be a string, found NUMBER");
    }

    @Test
    void money_withAnExponentBeyondAnInt_isAJsonMappingException() {
        // BigDecimal cannot hold it; Jackson throws a bare NumberFormatException from the tree
        String text = "{\"currency\":\"USD\",\"amount\":9e99999999999999999999}";
        assertThatThrownBy(() -> JSON.readValue(text, Money.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .hasMessageContaining("a number in Money cannot be read");
    }

    @Test
    void badAmountInsideALineItem_namesTheJsonPath() throws IOException {
        String text = golden("line-item.json").replace("\"0.32000000\"", "\"0.32x\"");
        assertThatThrownBy(() -> JSON.readValue(text, LineItem.class))
                .hasMessageContaining("invalid money: amount '0.32x' is not a decimal number")
                .hasMessageContaining("[\"totalCost\"]");
    }

    @Test
    void unknownCurrency_andUnknownField_areRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"currency\":\"XYZ\",\"amount\":\"1\"}", Money.class))
                .hasMessageContaining("unknown currency code 'XYZ'");
        assertThatThrownBy(() -> JSON.readValue("{\"currency\":\"USD\",\"amount\":\"1\",\"x\":1}", Money.class))
                .hasMessageContaining("unknown field 'x'");
    }

    @Test
    void itemBreakingAnInvariant_isRefused() throws IOException {
        String text = golden("line-item.json").replace("\"0.22000000\"", "\"0.23000000\"");
        assertThatThrownBy(() -> JSON.readValue(text, LineItem.class))
                .hasMessageContaining(
                        "line item li-0001: payments add up to CNY 0.33000000 but totalCost is CNY 0.32000000");
    }

    @Test
    void identifierOfTheWrongJsonType_isRefused() throws IOException {
        String text =
                golden("line-item.json").replace("\"ownerUin\" : \"100000000002\"", "\"ownerUin\" : 100000000002");
        assertThatThrownBy(() -> JSON.readValue(text, LineItem.class))
                .hasMessageContaining("expected a non-empty string for OwnerUin");
    }

    @Test
    void mapper_enablesNoPolymorphicTypingFromInput() throws IOException {
        assertThat(JSON.getDeserializationConfig().getDefaultTyper(JSON.constructType(Object.class)))
                .as("no default typing")
                .isNull();
        // A payload naming a class, as gadget-chain attacks write them, stays plain data.
        Object read = JSON.readValue("[\"java.lang.ProcessBuilder\", {\"command\": [\"sh\"]}]", Object.class);
        assertThat(read).isInstanceOf(java.util.List.class);
        assertThatThrownBy(() -> JSON.readValue(
                        "{\"@class\": \"java.lang.ProcessBuilder\", \"currency\": \"USD\", \"amount\": \"1\"}",
                        Money.class))
                .hasMessageContaining("unknown field '@class'");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = BillingJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
