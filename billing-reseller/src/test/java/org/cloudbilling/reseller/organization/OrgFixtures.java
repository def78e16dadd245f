package org.cloudbilling.reseller.organization;

import static org.cloudbilling.reseller.Fixtures.t;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.channel.Tenure;

/**
 * A group with two entities: headquarters (admin HQ_ADMIN, also the group admin) and a subsidiary (admin
 * SUB_ADMIN); M1 and M2 are members of headquarters since August, S1 a member of the subsidiary.
 */
final class OrgFixtures {
    static final OwnerUin HQ_ADMIN = OwnerUin.of("300000000001");
    static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");
    static final OwnerUin M1 = OwnerUin.of("300000000011");
    static final OwnerUin M2 = OwnerUin.of("300000000012");
    static final OwnerUin S1 = OwnerUin.of("300000000021");
    static final EntityId HQ = EntityId.of("hq");
    static final EntityId SUB = EntityId.of("sub");

    private OrgFixtures() {}

    static Organization.Builder group(PaymentMode mode) {
        return Organization.builder(HQ_ADMIN, mode)
                .entity(new Entity(HQ, HQ_ADMIN, "Example Group Ltd"))
                .entity(new Entity(SUB, SUB_ADMIN, "Example Sub Ltd"))
                .membership(new Membership(M1, HQ, Tenure.since(t("2024-08-01T00:00"))))
                .membership(new Membership(M2, HQ, Tenure.since(t("2024-08-01T00:00"))))
                .membership(new Membership(S1, SUB, Tenure.since(t("2024-08-01T00:00"))));
    }
}
