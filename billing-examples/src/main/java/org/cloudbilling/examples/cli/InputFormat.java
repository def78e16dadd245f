package org.cloudbilling.examples.cli;

/** The formats of bill files the commands read. */
public enum InputFormat {
    /** FOCUS 1.0 CSV, as the FinOps Foundation's sample. */
    FOCUS,
    /** The library's canonical line-item CSV ({@code LineItemCsv}). */
    CANONICAL,
    /** A Tencent-style bill detail CSV ({@code TencentBillCsv}): API field names as headers, times in UTC+8. */
    TENCENT
}
