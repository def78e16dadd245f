package org.cloudbilling.core.id;

/** A provider region, such as {@code ap-guangzhou} or {@code us-west-2}. */
public final class RegionId extends Identifier {
    private RegionId(String value) {
        super(value, "region id");
    }

    /**
     * Returns the region id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static RegionId of(String value) {
        return new RegionId(value);
    }
}
