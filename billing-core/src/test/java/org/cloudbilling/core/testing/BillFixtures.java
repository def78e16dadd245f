package org.cloudbilling.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/** Named line items for example tests: edge cases visible by name. */
public final class BillFixtures {
    private BillFixtures() {}

    /** An hour of CVM usage in Guangzhou, 00:00-01:00 on 18 September in UTC+8, paid in cash and voucher. */
    public static final LineItem CVM_HOUR = LineItem.builder()
            .id(LineItemId.of("li-0001"))
            .ownerUin(OwnerUin.of("100000000002"))
            .payerUin(PayerUin.of("100000000001"))
            .operatorUin(OperatorUin.of("100000000003"))
            .businessCode(BusinessCode.of("p_cvm"))
            .productCode(ProductCode.of("sp_cvm_s5"))
            .itemCode(ItemCode.of("v_cvm_cpu"))
            .regionId(RegionId.of("ap-guangzhou"))
            .projectId(ProjectId.of("0"))
            .resourceId(ResourceId.of("ins-8f3k2j1a"))
            .instanceType(InstanceType.of("S5.MEDIUM4"))
            .payMode(PayMode.POSTPAID)
            .settlementCycle(SettlementCycle.HOURLY)
            .actionType(ActionType.USAGE)
            .feePeriod(Interval.of(Instant.parse("2024-09-17T16:00:00Z"), Instant.parse("2024-09-17T17:00:00Z")))
            .deductionTime(Instant.parse("2024-09-17T17:05:12Z"))
            .usageQuantity(new BigDecimal("1.000000000000000"))
            .usageUnit("Hours")
            .listCost(Money.of("CNY", "0.40000000"))
            .discountRate(new BigDecimal("0.8"))
            .reservedInstanceDeduction(Money.of("CNY", "0.00000000"))
            .cashPaid(Money.of("CNY", "0.22000000"))
            .voucherPaid(Money.of("CNY", "0.10000000"))
            .tax(Money.of("CNY", "0.01920000"))
            .totalCost(Money.of("CNY", "0.32000000"))
            .putTag(TagKey.of("team"), "payments")
            .putTag(TagKey.of(" org"), "Finance & Ops")
            .build();

    /** A refund of a prepaid disk: negative amounts, an original order, no optional usage fields. */
    public static final LineItem DISK_REFUND = LineItem.builder()
            .id(LineItemId.of("li-0002"))
            .ownerUin(OwnerUin.of("100000000002"))
            .payerUin(PayerUin.of("100000000001"))
            .businessCode(BusinessCode.of("p_cbs"))
            .payMode(PayMode.PREPAID)
            .actionType(ActionType.REFUND)
            .feePeriod(Interval.of(Instant.parse("2024-09-10T04:00:00Z"), Instant.parse("2024-10-01T16:00:00Z")))
            .orderId(OrderId.of("20240917000123"))
            .originalOrderId(OrderId.of("20240910000042"))
            .listCost(Money.of("CNY", "-120.50000000"))
            .totalCost(Money.of("CNY", "-96.40000000"))
            .build();
}
