package org.cloudbilling.examples.spark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.core.id.TagKey;

/**
 * Rules for the bundled FOCUS sample, by its {@code business_unit} and {@code application} tags: three units
 * collect by tag, networking is shared in proportion, load balancing evenly, monitoring by ratio.
 */
final class FocusSampleRules {
    static final TagKey BUSINESS_UNIT = TagKey.of("business_unit");
    static final TagKey APPLICATION = TagKey.of("application");

    private FocusSampleRules() {}

    static AllocationRuleSet rules() {
        List<UnitId> tagged = List.of(UnitId.of("peoria-data"), UnitId.of("tempe-ai"), UnitId.of("zoom-map"));
        return AllocationRuleSet.of(
                List.of(
                        AllocationUnit.root("sunbird", "SunBird"),
                        AllocationUnit.child("peoria-data", "PeoriaData", "sunbird"),
                        AllocationUnit.child("tempe-ai", "TempeAI", "sunbird"),
                        AllocationUnit.child("zoom-map", "ZoomMapMax", "sunbird"),
                        AllocationUnit.child("other-units", "Other business units", "sunbird")),
                List.of(
                        AllocationRule.of("r-peoria", "peoria-data", Condition.tagIn(BUSINESS_UNIT, "PeoriaData")),
                        AllocationRule.of("r-tempe", "tempe-ai", Condition.tagIn(BUSINESS_UNIT, "TempeAI")),
                        AllocationRule.of("r-zoom", "zoom-map", Condition.tagIn(APPLICATION, "ZoomMapMax")),
                        AllocationRule.of(
                                "r-other",
                                "other-units",
                                Condition.and(
                                        Condition.tagNotIn(BUSINESS_UNIT, "PeoriaData", "TempeAI"),
                                        Condition.in(
                                                AllocationDimension.BUSINESS_CODE, "Amazon Elastic Compute Cloud")))),
                List.of(
                        SharingRule.proportional(
                                "s-vpc",
                                SharingSource.matching(Condition.in(
                                        AllocationDimension.BUSINESS_CODE, "Amazon Virtual Private Cloud")),
                                tagged,
                                ZeroBaseFallback.EVEN),
                        SharingRule.even(
                                "s-elb",
                                SharingSource.matching(
                                        Condition.in(AllocationDimension.BUSINESS_CODE, "Elastic Load Balancing")),
                                List.of(UnitId.of("peoria-data"), UnitId.of("tempe-ai"), UnitId.of("other-units"))),
                        SharingRule.ratio(
                                "s-watch",
                                SharingSource.matching(
                                        Condition.in(AllocationDimension.BUSINESS_CODE, "AmazonCloudWatch")),
                                Map.of(
                                        UnitId.of("peoria-data"), new BigDecimal("60"),
                                        UnitId.of("zoom-map"), new BigDecimal("40")))),
                Set.of(BUSINESS_UNIT, APPLICATION));
    }
}
