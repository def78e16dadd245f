/**
 * Cost allocation over billing-core's line items: units, collection and sharing rules, exact allocated rows and
 * summaries, backtracking of months under new rule versions, the running allocation of a month's daily batches, the
 * FOCUS export of allocated rows, and rule sets as JSON. Implementation is package-private.
 */
module org.cloudbilling.allocation {
    // billing-core's values (LineItem, Money, BillingMonth, ...), Guava's immutable collections and Jackson's
    // ObjectMapper come with it.
    requires transitive org.cloudbilling.core;
    requires com.fasterxml.jackson.core;

    exports org.cloudbilling.allocation;
    exports org.cloudbilling.allocation.backtracking;
    exports org.cloudbilling.allocation.daily;
    exports org.cloudbilling.allocation.focus;
    exports org.cloudbilling.allocation.json;

    // Jackson's databind reflects on the history document's records.
    opens org.cloudbilling.allocation.backtracking to
            com.fasterxml.jackson.databind;
}
