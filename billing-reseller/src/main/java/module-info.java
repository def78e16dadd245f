/**
 * Resellers, distributors and organizations over billing-core's line items: the channel and attribution, Bill A and
 * Bill B and why they differ, confirmation and credit, a distributor's bills and margin, scoped views, organizations,
 * their FOCUS exports, daily batches and host state as JSON. Implementation the packages share is in
 * {@code org.cloudbilling.reseller.internal}, which is not exported.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.cloudbilling.reseller {
    // billing-core's values (LineItem, Money, BillingMonth, ...) and Guava's immutable collections are in the API.
    requires transitive org.cloudbilling.core;
    requires transitive com.google.common;
    // @JsonCreator on the organization's identifiers.
    requires com.fasterxml.jackson.annotation;
    // Needed to compile only: Immutables' annotations, and those its generated classes carry (Error Prone's, which
    // Guava brings, and javax.annotation.processing.Generated).
    requires static org.immutables.value.annotations;
    requires static com.google.errorprone.annotations;
    requires static java.compiler;

    exports org.cloudbilling.reseller.bill;
    exports org.cloudbilling.reseller.channel;
    exports org.cloudbilling.reseller.confirmation;
    exports org.cloudbilling.reseller.daily;
    exports org.cloudbilling.reseller.distributor;
    exports org.cloudbilling.reseller.focus;
    exports org.cloudbilling.reseller.json;
    exports org.cloudbilling.reseller.organization;
    exports org.cloudbilling.reseller.view;

    // The state documents' data records are package-private; billing-core's StateJson reads and writes them with
    // Jackson's databind, which reflects on them.
    opens org.cloudbilling.reseller.json;
}
