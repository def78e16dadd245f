package org.cloudbilling.reseller.view;

/**
 * Thrown when a viewer asks for a bill or rows outside its scope. A scoped view never answers such a request
 * with an empty or partial bill.
 */
public final class OutOfScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message who asked for what, and why it is out of scope, not null
     */
    public OutOfScopeException(String message) {
        super(message);
    }
}
