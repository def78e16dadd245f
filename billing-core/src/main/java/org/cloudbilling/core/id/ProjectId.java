package org.cloudbilling.core.id;

/** A project that groups resources within an account. */
public final class ProjectId extends Identifier {
    private ProjectId(String value) {
        super(value, "project id");
    }

    /**
     * Returns the project id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }
}
