package org.cloudbilling.core.internal;

import org.cloudbilling.core.id.ResourceId;

/**
 * The hash by which tables of resources (a tag history's filter, allocation's placements by resource) place a
 * resource: its own hash multiplied by the golden ratio's constant, the high bits then folded into the low ones a
 * table's mask keeps. The hashes of names in sequence ({@code ins-000123}, {@code ins-000124}) are close to one
 * another; unmixed, they would crowd runs of neighbouring slots.
 */
public final class ResourceHash {
    private ResourceHash() {}

    /** Returns the mixed hash of {@code resource}; any int, 0 included. */
    public static int of(ResourceId resource) {
        int h = resource.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
