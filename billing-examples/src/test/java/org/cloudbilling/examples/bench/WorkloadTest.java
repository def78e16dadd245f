package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.SharingMethod;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.id.ResourceId;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void generate_sameSeed_givesTheSameMonth() {
        Workload a = Workload.generate(7, 500, 80, 1_000);
        Workload b = Workload.generate(7, 500, 80, 1_000);

        assertThat(b.materialize()).isEqualTo(a.materialize());
        assertThat(b.rules()).isEqualTo(a.rules());
        assertThat(b.tags()).isEqualTo(a.tags());
        assertThat(a.items()).containsExactlyElementsOf(a.materialize()); // each iteration regenerates the same
    }

    @Test
    void generate_month_hasTheShapeTheBenchmarkDescribes() {
        Workload w = Workload.generate(11, 20_000, 1_000, 20_000);
        List<LineItem> items = w.materialize();

        assertThat(w.rules().units().units()).hasSize(500);
        assertThat(w.rules().collectionRules()).hasSize(1_000);
        assertThat(w.rules().sharingRules()).hasSize(20);
        Set<SharingMethod> methods = EnumSet.noneOf(SharingMethod.class);
        w.rules().sharingRules().forEach((SharingRule r) -> methods.add(r.method()));
        assertThat(methods).containsExactlyInAnyOrder(SharingMethod.values());
        assertThat(items).allSatisfy(i -> assertThat(i.totalCost().scale()).isEqualTo(8));
        long refunds = items.stream().filter(i -> i.totalCost().isNegative()).count();
        assertThat(refunds).isBetween(400L, 800L); // 3% of 20,000
        Set<ResourceId> retagged = new HashSet<>();
        w.bindings().forEach((TagBinding t) -> retagged.add(t.resourceId()));
        assertThat(retagged.size()).isBetween(800, 1_200); // 5% of 20,000
        assertThat(items).allSatisfy(i -> assertThat(i.tags()).hasSizeLessThanOrEqualTo(3));
    }
}
