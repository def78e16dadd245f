/**
 * Cost allocation over billing-core's line items: units, collection and sharing rules, exact allocated rows and
 * summaries, backtracking of months under new rule versions, the running allocation of a month's daily batches, the
 * FOCUS export of allocated rows, and rule sets as JSON. Implementation is package-private.
 */
@SuppressWarnings("requires-automatic")
module org.cloudbilling.allocation {
    // billing-core's values (LineItem, Money, BillingMonth, ...), Guava's immutable collections and Jackson's
    // ObjectMapper come with it.
    requires transitive org.cloudbilling.core;
    requires com.fasterxml.jackson.core;
    // Needed to compile only: Immutables' annotations, and those its generated classes carry. This module declares no
    // value types of its own, but billing-core's public types carry Immutables' annotations (class retention), and
    // javadoc fails on them when the module cannot read them. Immutables' value-annotations jar (2.12.2) has no
    // module-info, only an Automatic-Module-Name: an automatic module, hence the suppressed "requires-automatic"
    // warning above. The requirement is static: a host never needs the jar on its module path.
    requires static org.immutables.value.annotations;
    requires static com.google.errorprone.annotations;
    requires static java.compiler;

    exports org.cloudbilling.allocation;
    exports org.cloudbilling.allocation.backtracking;
    exports org.cloudbilling.allocation.daily;
    exports org.cloudbilling.allocation.focus;
    exports org.cloudbilling.allocation.json;

    // Jackson's databind reflects on the history document's records.
    opens org.cloudbilling.allocation.backtracking to
            com.fasterxml.jackson.databind;
}
