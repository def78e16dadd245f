package org.cloudbilling.reseller.view;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Who asks to see a bill. Every bill view takes the viewer and returns only what it may see, or fails with
 * {@link OutOfScopeException}. A partner is a distributor or second-level reseller, as the channel says; an
 * account is an end customer, a direct customer, or an organization's admin or member, as the organization says.
 */
public sealed interface Viewer permits Viewer.Partner, Viewer.Account {

    /** Returns the viewer that is channel partner {@code partner}. */
    static Viewer partner(PartnerUin partner) {
        return new Partner(partner);
    }

    /** Returns the viewer that is account {@code account}. */
    static Viewer account(OwnerUin account) {
        return new Account(account);
    }

    /**
     * A distributor or second-level reseller.
     *
     * @param uin the partner, not null
     */
    record Partner(PartnerUin uin) implements Viewer {
        public Partner {
            requireNonNull(uin, "uin");
        }
    }

    /**
     * A cloud account: an end customer, or an organization admin or member.
     *
     * @param uin the account, not null
     */
    record Account(OwnerUin uin) implements Viewer {
        public Account {
            requireNonNull(uin, "uin");
        }
    }
}
