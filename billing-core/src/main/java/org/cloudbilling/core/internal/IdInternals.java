package org.cloudbilling.core.internal;

import org.cloudbilling.core.id.Identifier;

/**
 * The hash of an identifier's text for billing-allocation's tie-breaks, which are a function of that text: taken
 * without making the text of an identifier held compactly (a line item id read from a file is a prefix and a number
 * until its text is asked for, and a text made is kept with the id). Not exported: the module exports this package
 * only to the project's own modules.
 */
public final class IdInternals {
    /** What {@link Identifier} gives this class, once, when it is initialized. */
    public interface Access {
        /**
         * The hash of the identifier's text, as {@link String#hashCode()} gives it.
         *
         * @param id not null
         * @return {@code id.value().hashCode()}
         */
        int textHash(Identifier id);
    }

    // Written once in Identifier's static initializer: a thread that holds an identifier has seen that initializer
    // complete, which happens-before its reads here (JLS 12.4.2).
    private static Access access;

    private IdInternals() {}

    /**
     * Called once by {@link Identifier}'s static initializer.
     *
     * @param idAccess not null
     * @throws IllegalStateException if called a second time
     */
    public static synchronized void install(Access idAccess) {
        if (access != null) {
            throw new IllegalStateException("the identifier access is installed once, by Identifier");
        }
        access = idAccess;
    }

    /**
     * The hash of {@code id}'s text, {@code id.value().hashCode()}, without making the text of a compact id.
     *
     * @param id not null (and so {@link Identifier} is initialized and has installed its access)
     * @return the hash of the text
     */
    public static int textHash(Identifier id) {
        return access.textHash(id);
    }
}
