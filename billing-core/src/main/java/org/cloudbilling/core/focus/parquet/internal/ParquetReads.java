package org.cloudbilling.core.focus.parquet.internal;

/**
 * Makes billing-core read Parquet's classes when it runs as a named module. parquet-java's jars split packages between
 * them, so they cannot be modules and stay on the class path, in the class loader's unnamed module, which a named
 * module does not read unless told to. This adds the read edge from inside the module ({@link Module#addReads}), so a
 * host that puts billing-core on the module path needs no {@code --add-reads} flag
 * (docs/decisions/0010-modules-and-api-baseline.md). Called from the static initializers of the classes through which
 * Parquet is first reached ({@code FocusParquet}, {@code FocusParquetWriter}, {@link RawParquetRows}), before any class
 * that extends or implements a Parquet type is loaded. Not API.
 */
public final class ParquetReads {
    private ParquetReads() {}

    /**
     * Adds the read edge to the module Parquet's classes are in, if this module is named and Parquet can be found;
     * otherwise does nothing (on the class path every class reads the class path; without Parquet the first use
     * fails naming the missing class, as before). Calling it again changes nothing.
     */
    public static void readParquet() {
        Module self = ParquetReads.class.getModule();
        if (!self.isNamed()) {
            return;
        }
        Class<?> parquet;
        try {
            parquet = Class.forName("org.apache.parquet.io.api.Binary", false, ParquetReads.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        self.addReads(parquet.getModule());
    }
}
