package org.cloudbilling.core.id;

/** A cloud resource, such as an instance id or an ARN. */
public final class ResourceId extends Identifier {
    private ResourceId(String value) {
        super(value, "resource id");
    }

    /**
     * Returns the resource id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static ResourceId of(String value) {
        return new ResourceId(value);
    }
}
