/**
 * The core of cloudbilling: exact money, identifiers, billing months, line items and bills, consolidation, daily
 * batches and month ledgers, and the formats (canonical CSV, JSON, FOCUS CSV and Parquet, the Huawei reconciliation
 * lists, Tencent's bill CSV). What the packages share and hosts do not need is in non-exported {@code internal}
 * packages; two of them are exported only to the project's own modules.
 */
@SuppressWarnings("module")
module org.cloudbilling.core {
    // Guava's immutable collections and Jackson's ObjectMapper (BillingJson.mapper()) are in the API.
    requires transitive com.google.common;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.datatype.jdk8;
    // Parquet (focus.parquet) is optional and not required here: parquet-java's jars split packages between them
    // (org.apache.parquet.io is in parquet-common and parquet-column), so they cannot be modules. They stay on the
    // class path; the compiler is given --add-reads org.cloudbilling.core=ALL-UNNAMED, and at run time the module adds
    // that read edge itself (focus.parquet.internal.ParquetReads), so a host on the module path needs no flag
    // (docs/decisions/0010-modules-and-api-baseline.md).
    // aircompressor (the Parquet writer's ZSTD and Snappy) uses sun.misc.Unsafe: requiring jdk.unsupported puts it in
    // the module graph, which a host whose main class is in a named module would otherwise leave out.
    requires jdk.unsupported;
    // Needed to compile only: Immutables' annotations, and those its generated classes carry.
    requires static org.immutables.value.annotations;
    requires static com.google.errorprone.annotations;
    requires static java.compiler;

    exports org.cloudbilling.core.bill;
    exports org.cloudbilling.core.consolidation;
    exports org.cloudbilling.core.daily;
    exports org.cloudbilling.core.focus;
    exports org.cloudbilling.core.focus.conformance;
    exports org.cloudbilling.core.focus.parquet;
    exports org.cloudbilling.core.id;
    exports org.cloudbilling.core.io;
    exports org.cloudbilling.core.json;
    exports org.cloudbilling.core.money;
    exports org.cloudbilling.core.provider;
    exports org.cloudbilling.core.recon;
    exports org.cloudbilling.core.time;

    // The project's own modules only: the Immutables style, Money's compact form, the persistent map of the ledgers.
    exports org.cloudbilling.core.internal to
            org.cloudbilling.allocation,
            org.cloudbilling.reseller;
    exports org.cloudbilling.core.daily.internal to
            org.cloudbilling.allocation,
            org.cloudbilling.reseller;

    // Jackson's databind reflects on the generated value classes (bill) and the state documents' records (daily).
    opens org.cloudbilling.core.bill to
            com.fasterxml.jackson.databind;
    opens org.cloudbilling.core.daily to
            com.fasterxml.jackson.databind;
}
