package org.cloudbilling.core.id;

/** A resource's instance type or specification, such as {@code S5.MEDIUM4}. */
public final class InstanceType extends Identifier {
    private InstanceType(String value) {
        super(value, "instance type");
    }

    /**
     * Returns the instance type {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static InstanceType of(String value) {
        return new InstanceType(value);
    }
}
